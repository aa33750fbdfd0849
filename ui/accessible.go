package ui

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"digikomp/store"
	"digikomp/survey"
)

// RunAccessible runs the whole test without Bubble Tea, one prompt per line
// in huh's accessible mode, for screen readers and braille displays. Every
// answer is saved the moment it is given, exactly as in the full-screen
// interface, and end of input pauses. It reports whether the person left
// an unfinished attempt behind.
func RunAccessible(cfg Config, in io.Reader, out io.Writer) (paused bool, err error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	cat := Messages(cfg.Lang)
	r := &lineRunner{
		cfg: cfg,
		c:   &common{q: cfg.Questionnaire, lang: cfg.Lang, cat: cat, st: plainStyles(), keys: newKeyMap(cat), width: maxContent + 2, lines: true, readOnly: cfg.ReadOnly},
		in:  &eofReader{r: in},
		out: out,
	}
	if cfg.Workshop.On {
		return r.runWorkshop() // accessible_workshop.go
	}
	return r.run()
}

// lineRunner holds the state of an accessible session.
type lineRunner struct {
	cfg Config
	c   *common
	in  *eofReader
	out io.Writer
	a   store.Attempt
}

// eofReader notices end of input. huh's accessible prompts return the
// default answer at EOF without saying so, which would read as a real
// empty answer.
type eofReader struct {
	r   io.Reader
	eof bool
}

func (e *eofReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil {
		e.eof = true
	}
	return n, err
}

func (r *lineRunner) say(format string, args ...any) {
	fmt.Fprintf(r.out, format+"\n", args...)
}

// sayFailure says that a save failed, why and what to do, then the
// system's words on a line of their own.
func (r *lineRunner) sayFailure(err error) {
	sentence, detail := r.c.cat.SaveFailure(readOnlyErr(err, r.cfg.ReadOnly))
	r.say("%s", WithDetail(sentence, detail))
}

// ask shows one huh input in accessible mode and returns the validated
// answer; ok is false at end of input.
func (r *lineRunner) ask(title string, validate func(string) error) (string, bool) {
	var v string
	theme := huh.ThemeBase()
	theme.Focused.Title = lipgloss.NewStyle()
	theme.Blurred.Title = lipgloss.NewStyle()
	input := huh.NewInput().Title(title).Value(&v).Validate(func(s string) error { return validate(strings.TrimSpace(s)) })
	form := huh.NewForm(huh.NewGroup(input)).WithAccessible(true).WithInput(r.in).WithOutput(r.out).WithTheme(theme)
	if err := form.Run(); err != nil || r.in.eof {
		return "", false
	}
	v = strings.TrimSpace(v)
	if validate(v) != nil {
		return "", false
	}
	return v, true
}

// choose lists options and asks for the number of one; it returns its
// index, or ok false at end of input.
func (r *lineRunner) choose(title string, options []string) (int, bool) {
	r.say("")
	r.say("%s", title)
	for i, o := range options {
		r.say("%d. %s", i+1, o)
	}
	prompt, again := fmt.Sprintf(r.c.cat.AccChoose, len(options)), fmt.Sprintf(r.c.cat.AccChooseAgain, len(options))
	if len(options) == 2 {
		prompt, again = r.c.cat.AccChooseTwo, r.c.cat.AccChooseAgainTwo
	}
	v, ok := r.ask(prompt, func(s string) error {
		if n, err := strconv.Atoi(s); err != nil || n < 1 || n > len(options) {
			return errors.New(again)
		}
		return nil
	})
	if !ok {
		return 0, false
	}
	n, _ := strconv.Atoi(v)
	return n - 1, true
}

func (r *lineRunner) run() (bool, error) {
	c, st := r.c, r.cfg.Store
	r.say("%s", c.cat.AppTitle)
	r.say("%s", c.cat.WelcomeIntro)
	if notice, detail := c.readOnlyNotice(); notice != "" {
		r.say("%s", WithDetail(notice, detail))
	}
	ok, anon, err := r.who(false)
	if err != nil || !ok {
		return false, err
	}
	// The person's goal only once they are in (and have given their PIN).
	if !anon {
		if err := r.planGoalLine(); err != nil {
			return false, err
		}
	}
	for {
		if anon {
			// One attempt under a fresh anonymous profile, its result
			// shown once; then "Vem är du?" again.
			if ok, err := r.start(); !ok || err != nil {
				return false, err
			}
			if done, err := r.take(); err != nil || !done {
				return false, err
			}
			if ok, anon, err = r.who(true); err != nil || !ok {
				return false, err
			}
			continue
		}
		var unfinished, latest *store.Attempt
		if a, ok, err := st.Unfinished(r.cfg.Profile); err != nil {
			return false, err
		} else if ok {
			a = readable(a)
			unfinished = &a
		}
		if a, ok, err := st.LatestFinished(r.cfg.Profile); err != nil {
			return false, err
		} else if ok {
			a = readable(a)
			latest = &a
		}
		menu := newWelcome(c, unfinished, latest)
		menu.items = lineMenu(menu.items)
		for _, l := range menu.info {
			r.say("%s", l)
		}
		labels := make([]string, len(menu.items))
		for i, it := range menu.items {
			labels[i] = it.label
		}
		i, ok := r.choose(c.cat.AccMenuTitle, labels)
		if !ok {
			return unfinished != nil, nil
		}
		switch menu.items[i].do.(type) {
		case intentContinue, intentStart, intentStartOver:
			if r.cfg.ReadOnly != nil {
				// Nothing could be saved: say so now, not after an answer.
				r.sayFailure(store.ErrReadOnly)
				continue
			}
		}
		switch menu.items[i].do.(type) {
		case intentContinue:
			r.a = *unfinished
		case intentStartOver:
			r.say("%s", fmt.Sprintf(c.cat.ConfirmStartOver, answeredCount(*unfinished)))
			yes, ok := r.choose(c.cat.MenuStartOver, []string{c.cat.AccYes, c.cat.AccNo})
			if !ok {
				return true, nil
			}
			if yes != 0 {
				continue
			}
			if err := st.Discard(unfinished.ID); err != nil {
				return true, err
			}
			if ok, err := r.start(); !ok || err != nil {
				return false, err
			}
		case intentStart:
			if ok, err := r.start(); !ok || err != nil {
				return false, err
			}
		case intentLatest:
			if err := r.goalBesideLine(*latest); err != nil {
				return unfinished != nil, err
			}
			if err := r.latest(*latest); err != nil {
				return unfinished != nil, err
			}
			continue
		case intentHistory, intentProgress, intentWheel:
			if err := r.progression(menu.items[i].do); err != nil {
				return unfinished != nil, err
			}
			continue
		case intentPlan:
			if ok, err := r.plan(*latest); err != nil || !ok {
				return false, err
			}
			continue
		case intentQuestions:
			answers := map[string]string{}
			if unfinished != nil {
				answers = unfinished.Discussion
			} else if latest != nil {
				answers = latest.Discussion
			}
			r.say("")
			r.say("%s", newQuestions(c, answers).body(c))
			continue
		case intentQuit:
			return unfinished != nil, nil
		case intentSwitch:
			if ok, anon, err = r.who(true); err != nil || !ok {
				return false, err
			}
			continue
		case intentProfiles:
			if err := r.manage(); errors.Is(err, errSwitch) {
				if ok, anon, err = r.who(true); err != nil || !ok {
					return false, err
				}
			} else if err != nil {
				return false, err
			}
			continue
		case intentSettings:
			if err := r.settings(); err != nil {
				return false, err
			}
			continue
		}
		done, err := r.take()
		if err != nil || !done {
			return true, err
		}
	}
}

// start begins a new attempt after the introduction; false at end of
// input. A failed save ends the session with its error, as in take, so
// that main says what happened and exits accordingly.
func (r *lineRunner) start() (bool, error) {
	c := r.c
	a, err := r.cfg.Store.StartAttempt(r.cfg.Profile, c.q, r.cfg.Now())
	if err != nil {
		return false, err
	}
	r.a = a
	r.say("")
	r.say("%s", c.cat.IntroTitle)
	r.say(c.cat.IntroBody, len(c.q.Statements))
	r.say("%s", introScale(c))
	i, ok := r.choose(c.cat.AccBackgroundMenu, []string{c.cat.AccYes, c.cat.AccNo})
	if !ok {
		return false, nil
	}
	next := store.Position{Stage: store.StageBackground}
	if i == 1 {
		next.Stage = store.StageStatements
	}
	return r.savePosition(next)
}

func (r *lineRunner) savePosition(p store.Position) (bool, error) {
	if err := r.cfg.Store.SavePosition(r.a.ID, p); err != nil {
		return false, err
	}
	r.a.Position = p
	return true, nil
}

// take walks the attempt from its stored position to the end. It returns
// done when the attempt was finished, false when the person paused.
func (r *lineRunner) take() (bool, error) {
	for {
		p := normalize(r.c.q, r.a.Position)
		var ok bool
		var err error
		switch p.Stage {
		case store.StageBackground:
			ok, err = r.background(p.Cursor)
		case store.StageStatements:
			ok, err = r.statement(p.Cursor, store.Position{Stage: store.StageStatements, Cursor: p.Cursor + 1})
		case store.StageDiscussion:
			ok, err = r.discussion(p.Cursor)
		case store.StageReview:
			var finished bool
			finished, ok, err = r.review()
			if finished {
				return true, err
			}
		default:
			return true, nil
		}
		if err != nil || !ok {
			return false, err
		}
	}
}

func (r *lineRunner) background(i int) (bool, error) {
	c := r.c
	bq := c.q.Background[i]
	next := store.Position{Stage: store.StageBackground, Cursor: i + 1}
	r.say("")
	r.say(c.cat.BackgroundTitle, i+1, len(c.q.Background))
	var value string
	if bq.Kind == survey.KindMunicipality {
		r.say("%s", c.cat.AccMunicipalityHint)
		v, ok := r.ask(asPrompt(bq.Prompt.In(c.lang)), func(s string) error {
			if _, err := resolveMunicipality(c, s); err != nil {
				return err
			}
			return nil
		})
		if !ok {
			return false, nil
		}
		value, _ = resolveMunicipality(c, v)
	} else {
		labels := make([]string, 0, len(bq.Options)+1)
		for _, o := range bq.Options {
			labels = append(labels, o.Label.In(c.lang))
		}
		labels = append(labels, c.cat.BackgroundNoAnswer)
		n, ok := r.choose(bq.Prompt.In(c.lang), labels)
		if !ok {
			return false, nil
		}
		if n < len(bq.Options) {
			value = bq.Options[n].ID
		}
	}
	if err := r.cfg.Store.SaveBackground(r.a.ID, bq.ID, value, next); err != nil {
		return false, err
	}
	r.a.SetBackground(bq.ID, value)
	r.a.Position = next
	return true, nil
}

// asPrompt ends a label with a colon to type after; a question keeps its
// question mark.
func asPrompt(s string) string {
	if strings.HasSuffix(s, "?") || strings.HasSuffix(s, ":") {
		return s
	}
	return s + ":"
}

// resolveMunicipality accepts an empty answer, an exact name, or text that
// matches exactly one municipality, and otherwise suggests names.
func resolveMunicipality(c *common, s string) (string, error) {
	if s == "" {
		return "", nil
	}
	if m, ok := survey.LookupMunicipality(s); ok {
		return m.Name, nil
	}
	matches := survey.FilterMunicipalities(s)
	if len(matches) == 1 {
		return matches[0].Name, nil
	}
	names := make([]string, 0, 5)
	for i, m := range matches {
		if i == 5 {
			break
		}
		names = append(names, m.Name)
	}
	msg := fmt.Sprintf(c.cat.MunicipalityUnknown, s)
	if len(names) > 0 {
		msg += " " + fmt.Sprintf(c.cat.MunicipalitySuggest, strings.Join(names, ", "))
	}
	return "", errors.New(msg)
}

// statement asks one statement; next is where the attempt goes after an
// answer or a skip.
func (r *lineRunner) statement(i int, next store.Position) (bool, error) {
	c := r.c
	q := c.q
	s := q.Statements[i]
	area, _ := q.Area(s.Area)
	r.say("")
	r.say(c.cat.AccStatement, i+1, len(q.Statements), area.Number, len(q.Areas), area.Name.In(c.lang))
	r.say("%s", s.Text.In(c.lang))
	if given, ok := r.a.Ratings[s.ID]; ok {
		if given.Value == store.Skipped {
			r.say("%s", c.cat.SkippedMark)
		} else {
			r.say(c.cat.YourAnswer, given.Value)
		}
	}
	sc := q.Scale
	back, skip, pause := c.cat.AccBackKey, "s", "p"
	v, ok := r.ask(fmt.Sprintf(c.cat.AccRatingPrompt, sc.Min, sc.Max), func(in string) error {
		switch strings.ToLower(in) {
		case back, skip, pause:
			return nil
		}
		if n, err := strconv.Atoi(in); err == nil && sc.Contains(n) {
			return nil
		}
		return fmt.Errorf(c.cat.AccRatingInvalid, sc.Min, sc.Max)
	})
	if !ok {
		return false, nil
	}
	switch strings.ToLower(v) {
	case pause:
		return false, nil
	case back:
		p := store.Position{Stage: store.StageStatements, Cursor: max(0, i-1)}
		return r.savePosition(p)
	}
	value := store.Skipped
	if v != skip {
		value, _ = strconv.Atoi(v)
	}
	if err := r.cfg.Store.SaveRating(r.a.ID, s.ID, value, next); err != nil {
		return false, err
	}
	r.a.SetRating(s.ID, store.Rating{Value: value})
	r.a.Position = next
	if value == store.Skipped {
		r.say("%s", c.cat.AccSkipped)
	}
	return true, nil
}

func (r *lineRunner) discussion(i int) (bool, error) {
	c := r.c
	dq := c.q.Discussion[i]
	next := store.Position{Stage: store.StageDiscussion, Cursor: i + 1}
	r.say("")
	if i == 0 {
		r.say("%s", c.cat.DiscussionIntro)
	}
	r.say(c.cat.DiscussionTitle, i+1, len(c.q.Discussion))
	r.say("%s", dq.Text.In(c.lang))
	if given := r.a.Discussion[dq.ID]; given != "" {
		r.say("%s %s", c.cat.DiscussionYours, given)
	}
	v, ok := r.ask(c.cat.AccTextPrompt, func(s string) error {
		// The limit is in characters, as in the text box, and the
		// refusal says how far over it the answer is.
		if n := utf8.RuneCountInString(s); n > maxDiscussion {
			return errors.New(c.cat.AccTooLong + " " + fmt.Sprintf(c.cat.DiscussionCount, formatCount(c.lang, n), formatCount(c.lang, maxDiscussion)))
		}
		return nil
	})
	if !ok {
		return false, nil
	}
	if v == "" {
		v = r.a.Discussion[dq.ID] // Enter keeps an earlier answer
	}
	if err := r.cfg.Store.SaveDiscussion(r.a.ID, dq.ID, v, next); err != nil {
		return false, err
	}
	r.a.SetDiscussion(dq.ID, v)
	r.a.Position = next
	return true, nil
}

// review lists unanswered statements and either answers one of them or
// finishes. finished reports that the attempt was finished and its result
// shown.
func (r *lineRunner) review() (finished, ok bool, err error) {
	c := r.c
	open := unanswered(c.q, r.a)
	r.say("")
	r.say("%s", c.cat.ReviewTitle)
	switch len(open) {
	case 0:
		r.say("%s", c.cat.AccNothingOpen)
	case 1:
		r.say("%s", c.cat.ReviewSkippedOne)
	default:
		r.say(c.cat.ReviewSkipped, len(open))
	}
	for _, i := range open {
		r.say("%d. %s", i+1, c.q.Statements[i].Text.In(c.lang))
	}
	v, ok := r.ask(c.cat.AccReviewPrompt, func(s string) error {
		if s == "" {
			return nil
		}
		n, err := strconv.Atoi(s)
		for _, i := range open {
			if err == nil && n == i+1 {
				return nil
			}
		}
		return fmt.Errorf("%s", c.cat.AccNumberInvalid)
	})
	if !ok {
		return false, false, nil
	}
	if v != "" {
		n, _ := strconv.Atoi(v)
		ok, err := r.statement(n-1, store.Position{Stage: store.StageReview})
		return false, ok, err
	}
	at := r.cfg.Now()
	if err := r.cfg.Store.Finish(r.a.ID, at); err != nil {
		return false, false, err
	}
	r.a.Finished = at
	r.say("")
	r.say("%s %s", c.cat.ResultTitle, formatDate(at))
	if err := r.goalBesideLine(r.a); err != nil {
		return true, true, err
	}
	r.say("%s", resultBody(c, r.a))
	if _, err := r.offerPlan(r.a); err != nil {
		return true, true, err
	}
	return true, true, nil
}
