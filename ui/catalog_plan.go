package ui

// planCatalog holds the strings of the learning plan, the needs and
// resources screen and the goal shown on the welcome and result screens,
// Swedish and English side by side. Comments name format arguments.
type planCatalog struct {
	Menu          string
	Title         string
	Intro         string
	AllTopics     string // shown instead of Intro when the result suggests nothing
	Chosen        string // topics chosen
	ReasonArea    string // area name, its mean
	ReasonRated   string // rating, statement text
	ReasonMore    string // further statements
	TryThisWeek   string
	GoalTitle     string
	GoalHint      string
	Saved         string
	WelcomeGoal   string // goal
	WelcomeTopics string // topic titles
	ResultGoal    string // goal
	ResultTopics  string // topic titles
	ResultArea    string // area name, change
	ResultSame    string // area name
	ResultHeading string
	OwnHeading    string
	OwnGoal       string // goal
	OwnTopics     string // topic titles
	OwnLearn      string // topic titles, most wanted first
	OwnTeach      string // topic titles
	OwnOther      string // the free line

	NeedsTitle      string
	NeedsIntro      string
	NeedsHeader     string
	NeedsFull       string // most topics to learn
	NeedsOtherTitle string
	NeedsOtherHint  string
	NeedsShowTitle  string
	NeedsShowHint   string
	NeedsShowYes    string
	NeedsShowNo     string

	KeyPlan     string
	KeyToggle   string
	KeyContinue string
	KeyLearn    string
	KeyTeach    string
	KeyRank     string
	KeySkip     string
	KeyBack     string

	AccOffer        string
	AccPick         string // highest number
	AccPickKeep     string // highest number; when topics are chosen already
	AccNumbers      string // highest number
	AccGoal         string
	AccNeedsOffer   string
	AccLearn        string // most topics, highest number
	AccLearnTooMany string // most topics
	AccTeach        string // highest number
	AccOther        string
	AccShow         string
	AccChosenMark   string
}

var planSV = planCatalog{
	Menu:          "Min plan",
	Title:         "Din lärandeplan",
	Intro:         "Förslagen bygger på dina två svagaste områden och på påståenden du skattade till 3 eller lägre. Välj de ämnen du vill arbeta med.",
	AllTopics:     "Resultatet ger inga förslag, så här är alla ämnen att välja bland.",
	Chosen:        "Valda: %d",
	ReasonArea:    "Området %s är ett av dina svagaste (%s).",
	ReasonRated:   "Du skattade %d: %s",
	ReasonMore:    "Fler påståenden som leder hit: %d",
	TryThisWeek:   "Prova den här veckan:",
	GoalTitle:     "Vad vill du kunna nästa gång?",
	GoalHint:      "Skriv med egna ord. Enter sparar planen, Alt+Enter ger en ny rad och Esc går tillbaka till ämnena.",
	Saved:         "Planen är sparad.",
	WelcomeGoal:   "Ditt mål: %s",
	WelcomeTopics: "Din plan: %s",
	ResultGoal:    "Ditt mål var ”%s”",
	ResultTopics:  "Du planerade att arbeta med %s",
	ResultArea:    "området %s ändrades %s",
	ResultSame:    "området %s har inga gemensamma svar att jämföra",
	ResultHeading: "Din plan från förra gången",
	OwnHeading:    "Din plan efter det här testet",
	OwnGoal:       "Mål: %s",
	OwnTopics:     "Ämnen: %s",
	OwnLearn:      "Vill lära mig: %s",
	OwnTeach:      "Kan lära ut: %s",
	OwnOther:      "Annat: %s",

	NeedsTitle:      "Behov och resurser",
	NeedsIntro:      "Frivilligt. Rangordna upp till fem ämnen du helst vill lära dig, viktigast först, och markera det du kan lära ut till kollegor.",
	NeedsHeader:     "Prio  Lär ut  Ämne",
	NeedsFull:       "Du har redan valt %d ämnen att lära dig. Ta bort ett först.",
	NeedsOtherTitle: "Något annat du vill lära dig eller kan lära ut, som inte finns i listan?",
	NeedsOtherHint:  "Frivilligt. Enter sparar, även om raden är tom.",
	NeedsShowTitle:  "Får ditt namn stå bredvid det du kan lära ut, när en grupp sammanställer sina resurser?",
	NeedsShowHint:   "Annars räknas det du kan lära ut utan namn.",
	NeedsShowYes:    "Ja, visa mitt namn",
	NeedsShowNo:     "Nej, bara utan namn",

	KeyPlan:     "din plan",
	KeyToggle:   "markera",
	KeyContinue: "fortsätt",
	KeyLearn:    "lära mig",
	KeyTeach:    "lära ut",
	KeyRank:     "ordna",
	KeySkip:     "hoppa över",
	KeyBack:     "tillbaka",

	AccOffer:        "Vill du göra en lärandeplan nu?",
	AccPick:         "Skriv numren på de ämnen du vill välja, med mellanslag emellan (1–%d), eller bara Enter för inga:",
	AccPickKeep:     "Skriv numren på de ämnen du vill välja, med mellanslag emellan (1–%d), eller bara Enter för att behålla de valda:",
	AccNumbers:      "Skriv nummer från 1 till %d med mellanslag emellan, eller bara Enter.",
	AccGoal:         "Vad vill du kunna nästa gång? Skriv med egna ord, eller bara Enter:",
	AccNeedsOffer:   "Vill du också fylla i behov och resurser?",
	AccLearn:        "Skriv numren på högst %d ämnen du helst vill lära dig, viktigast först (1–%d), eller bara Enter:",
	AccLearnTooMany: "Välj högst %d ämnen.",
	AccTeach:        "Skriv numren på ämnen du kan lära ut till kollegor (1–%d), eller bara Enter:",
	AccOther:        "Något annat du vill lära dig eller kan lära ut? Skriv det, eller bara Enter:",
	AccShow:         "Får ditt namn stå bredvid det du kan lära ut?",
	AccChosenMark:   "(vald)",
}

var planEN = planCatalog{
	Menu:          "My plan",
	Title:         "Your learning plan",
	Intro:         "The suggestions come from your two weakest areas and the statements you rated 3 or lower. Choose the topics you want to work on.",
	AllTopics:     "Your result suggests nothing, so here are all topics to choose from.",
	Chosen:        "Chosen: %d",
	ReasonArea:    "The area %s is one of your weakest (%s).",
	ReasonRated:   "You rated %d: %s",
	ReasonMore:    "More statements leading here: %d",
	TryThisWeek:   "Try this week:",
	GoalTitle:     "What do you want to be able to do next time?",
	GoalHint:      "Write in your own words. Enter saves the plan, Alt+Enter starts a new line and Esc goes back to the topics.",
	Saved:         "Your plan is saved.",
	WelcomeGoal:   "Your goal: %s",
	WelcomeTopics: "Your plan: %s",
	ResultGoal:    "Your goal was “%s”",
	ResultTopics:  "You planned to work on %s",
	ResultArea:    "the area %s changed by %s",
	ResultSame:    "the area %s has no shared answers to compare",
	ResultHeading: "Your plan from last time",
	OwnHeading:    "Your plan after this test",
	OwnGoal:       "Goal: %s",
	OwnTopics:     "Topics: %s",
	OwnLearn:      "Want to learn: %s",
	OwnTeach:      "Could teach: %s",
	OwnOther:      "Other: %s",

	NeedsTitle:      "Needs and resources",
	NeedsIntro:      "Optional. Rank up to five topics you most want to learn, most important first, and mark what you could teach colleagues.",
	NeedsHeader:     "Rank  Teach   Topic",
	NeedsFull:       "You have already chosen %d topics to learn. Remove one first.",
	NeedsOtherTitle: "Anything else you want to learn or could teach that is not on the list?",
	NeedsOtherHint:  "Optional. Enter saves, even when the line is empty.",
	NeedsShowTitle:  "May your name appear beside what you can teach when a group gathers its resources?",
	NeedsShowHint:   "Otherwise what you can teach is counted without a name.",
	NeedsShowYes:    "Yes, show my name",
	NeedsShowNo:     "No, without my name",

	KeyPlan:     "your plan",
	KeyToggle:   "mark",
	KeyContinue: "continue",
	KeyLearn:    "learn",
	KeyTeach:    "teach",
	KeyRank:     "reorder",
	KeySkip:     "skip",
	KeyBack:     "back",

	AccOffer:        "Do you want to make a learning plan now?",
	AccPick:         "Type the numbers of the topics you want, separated by spaces (1–%d), or just Enter for none:",
	AccPickKeep:     "Type the numbers of the topics you want, separated by spaces (1–%d), or just Enter to keep those chosen:",
	AccNumbers:      "Type numbers from 1 to %d separated by spaces, or just Enter.",
	AccGoal:         "What do you want to be able to do next time? Write it in your own words, or just Enter:",
	AccNeedsOffer:   "Do you also want to fill in needs and resources?",
	AccLearn:        "Type the numbers of at most %d topics you most want to learn, most important first (1–%d), or just Enter:",
	AccLearnTooMany: "Choose at most %d topics.",
	AccTeach:        "Type the numbers of topics you could teach colleagues (1–%d), or just Enter:",
	AccOther:        "Anything else you want to learn or could teach? Type it, or just Enter:",
	AccShow:         "May your name appear beside what you can teach?",
	AccChosenMark:   "(chosen)",
}
