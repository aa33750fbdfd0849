package survey

import (
	"slices"
	"strings"
	"testing"
)

func TestMunicipalitiesComplete(t *testing.T) {
	want := map[string]int{
		"Stockholms län": 26, "Uppsala län": 8, "Södermanlands län": 9,
		"Östergötlands län": 13, "Jönköpings län": 13, "Kronobergs län": 8,
		"Kalmar län": 12, "Gotlands län": 1, "Blekinge län": 5, "Skåne län": 33,
		"Hallands län": 6, "Västra Götalands län": 49, "Värmlands län": 16,
		"Örebro län": 12, "Västmanlands län": 10, "Dalarnas län": 15,
		"Gävleborgs län": 10, "Västernorrlands län": 7, "Jämtlands län": 8,
		"Västerbottens län": 15, "Norrbottens län": 14,
	}
	ms := Municipalities()
	if len(ms) != 290 {
		t.Errorf("%d municipalities, want 290", len(ms))
	}
	got := map[string]int{}
	names := map[string]bool{}
	for _, m := range ms {
		if names[m.Name] {
			t.Errorf("%q listed twice", m.Name)
		}
		names[m.Name] = true
		got[m.County]++
	}
	if len(got) != 21 {
		t.Errorf("%d counties, want 21", len(got))
	}
	for county, n := range want {
		if got[county] != n {
			t.Errorf("%s has %d municipalities, want %d", county, got[county], n)
		}
	}
	for county := range got {
		if _, ok := want[county]; !ok {
			t.Errorf("unexpected county %q", county)
		}
	}
	for _, name := range []string{"Malung-Sälen", "Upplands Väsby", "Upplands-Bro", "Dals-Ed", "Gotland", "Lilla Edet", "Östra Göinge"} {
		if !names[name] {
			t.Errorf("%q missing", name)
		}
	}
}

// swedishKey orders letters as the Swedish alphabet does, with å, ä, ö
// after z; it is enough for municipality names, which use no other
// diacritics.
func swedishKey(s string) string {
	return strings.NewReplacer("å", "{", "ä", "|", "ö", "}").Replace(strings.ToLower(s))
}

func TestMunicipalitiesSwedishOrder(t *testing.T) {
	ms := Municipalities()
	for i := 1; i < len(ms); i++ {
		if swedishKey(ms[i-1].Name) >= swedishKey(ms[i].Name) {
			t.Errorf("%q sorted before %q", ms[i-1].Name, ms[i].Name)
		}
	}
	if ms[0].Name != "Ale" || ms[len(ms)-1].Name != "Övertorneå" {
		t.Errorf("first, last = %q, %q; want Ale, Övertorneå", ms[0].Name, ms[len(ms)-1].Name)
	}
}

func TestMunicipalitiesReturnsCopy(t *testing.T) {
	Municipalities()[0].Name = "ändrad"
	if got := Municipalities()[0].Name; got != "Ale" {
		t.Errorf("caller's change leaked: first municipality %q", got)
	}
}

func TestLookupMunicipality(t *testing.T) {
	if m, ok := LookupMunicipality("Växjö"); !ok || m.County != "Kronobergs län" {
		t.Errorf(`LookupMunicipality("Växjö") = %+v, %v`, m, ok)
	}
	if _, ok := LookupMunicipality("vaxjo"); ok {
		t.Error(`LookupMunicipality("vaxjo") found; lookup should be exact`)
	}
}

func TestFilterMunicipalities(t *testing.T) {
	tests := []struct {
		query string
		want  []string
	}{
		{"vaxjo", []string{"Växjö"}},
		{"orebro", []string{"Örebro"}},
		{"ÖREBRO", []string{"Örebro"}},
		{"  lund ", []string{"Lund"}},
		{"borg", []string{"Borgholm", "Göteborg", "Helsingborg", "Karlsborg", "Sölvesborg", "Trelleborg", "Vänersborg"}},
		{"upplands bro", []string{"Upplands-Bro"}},
		{"malung salen", []string{"Malung-Sälen"}},
		{"vax", []string{"Vaxholm", "Växjö"}},
		{"väx", []string{"Växjö"}},
		{"ostra", []string{"Östra Göinge"}},
		{"xyz", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range FilterMunicipalities(tt.query) {
			got = append(got, m.Name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("FilterMunicipalities(%q) = %q, want %q", tt.query, got, tt.want)
		}
	}
}

func TestFilterMunicipalitiesPrefixFirst(t *testing.T) {
	got := FilterMunicipalities("ar")
	var prefix, rest int
	for i, m := range got {
		if strings.HasPrefix(strings.ToLower(m.Name), "ar") || strings.HasPrefix(strings.ToLower(m.Name), "år") {
			prefix++
			if i >= prefix {
				t.Errorf("%q (a prefix match) listed after a non-prefix match", m.Name)
			}
		} else {
			rest++
		}
	}
	if prefix == 0 || rest == 0 {
		t.Fatalf("query \"ar\" gave %d prefix and %d other matches; the test needs both", prefix, rest)
	}
	if got[0].Name != "Arboga" {
		t.Errorf("first match %q, want Arboga", got[0].Name)
	}
}

func TestFilterMunicipalitiesEmptyQuery(t *testing.T) {
	if got := FilterMunicipalities(" "); len(got) != 290 {
		t.Errorf("blank query gave %d municipalities, want 290", len(got))
	}
}

func TestParseMunicipalitiesRejectsDuplicates(t *testing.T) {
	src := "[[municipality]]\nname = \"Ale\"\ncounty = \"X\"\n[[municipality]]\nname = \"Ale\"\ncounty = \"Y\"\n"
	if _, err := parseMunicipalities([]byte(src)); err == nil || !strings.Contains(err.Error(), `"Ale" listed twice`) {
		t.Errorf("parseMunicipalities error = %v, want one naming Ale", err)
	}
}
