//go:build !windows

package main

import (
	"path/filepath"
	"testing"
)

// cmdSwedishCases are TestE2ESwedishSaysNoEnglish's cases for the
// profile, history and export commands.
func cmdSwedishCases() []swedishCase {
	answered := func(t *testing.T, env *appEnv, _ *[]string) { makeAnswered(t, env.db) }
	profile := func(name, pin string) func(t *testing.T, env *appEnv, _ *[]string) {
		return func(t *testing.T, env *appEnv, _ *[]string) {
			makeAnswered(t, env.db)
			addProfile(t, env.db, name, pin)
		}
	}
	return []swedishCase{
		{name: "profil-utan-ord", args: []string{"profile"}, codes: []int{exitUsage}, want: "behöver ett av orden"},
		{name: "profil-okänt-ord", args: []string{"profile", "lista"}, codes: []int{exitUsage}, want: "känner inte till ”lista”"},
		{name: "profil-lista", args: []string{"profile", "list"}, setup: profile("Bo", "1234"), codes: []int{exitOK}, want: "(skyddad med PIN-kod)"},
		{name: "profil-lista-ingen-databas", args: []string{"profile", "list"}, codes: []int{exitRefused}, want: "finns inte"},
		{name: "profil-finns", args: []string{"profile", "add", "BO"}, setup: profile("Bo", ""), codes: []int{exitUsage}, want: "finns redan en profil"},
		{name: "profil-byt-namn", args: []string{"profile", "rename", "Bo", "Bodil"}, setup: profile("Bo", ""), codes: []int{exitOK}, want: "heter nu ”Bodil”"},
		{name: "profil-radera-utan-yes", args: []string{"profile", "delete", "Bo"}, setup: profile("Bo", ""), codes: []int{exitUsage}, want: "Lägg till --yes"},
		{name: "profil-radera", args: []string{"profile", "delete", "Bo", "--yes"}, setup: profile("Bo", ""), codes: []int{exitOK}, want: "är borttaget"},
		{name: "profil-saknas", args: []string{"profile", "rename", "Ingen", "Någon"}, setup: answered, codes: []int{exitNoProfile}, want: "Det finns ingen profil som heter ”Ingen”"},
		{name: "profil-pin-saknas", args: []string{"history", "--profile", "Bo"}, setup: profile("Bo", "1234"), codes: []int{exitPIN}, want: "ingen PIN-kod kom in"},
		{name: "app-profil-saknas", app: true, args: []string{"--profile", "Ingen"}, setup: answered, codes: []int{exitNoProfile}, want: "digikomp profile add NAMN"},
		{name: "historik", args: []string{"history"}, setup: answered, codes: []int{exitOK}, want: "Avslutade test för standardprofilen"},
		{name: "historik-ingen-databas", args: []string{"history"}, codes: []int{exitRefused}, want: "finns inte"},
		{name: "historik-argument", args: []string{"history", "Bo"}, codes: []int{exitUsage}, want: "vet inte vad ”Bo” betyder"},
		{name: "export-format", args: []string{"export", "--format", "xml"}, codes: []int{exitUsage}, want: "Formatet ”xml” finns inte"},
		{name: "export-på-databasen", args: []string{"export", "--out"}, setup: func(t *testing.T, env *appEnv, args *[]string) {
			makeAnswered(t, env.db)
			*args = append(*args, env.db)
		}, codes: []int{exitUsage}, want: "själva databasen"},
		{name: "export-mapp-saknas", args: []string{"export", "--out"}, setup: func(t *testing.T, env *appEnv, args *[]string) {
			makeAnswered(t, env.db)
			*args = append(*args, filepath.Join(env.home, "saknas", "ut.json"))
		}, codes: []int{exitError}, want: "Exporten kunde inte skrivas"},
		{name: "export-csv", args: []string{"export", "--format", "csv", "--out"}, setup: func(t *testing.T, env *appEnv, args *[]string) {
			makeAnswered(t, env.db)
			*args = append(*args, filepath.Join(env.home, "ut.csv"))
		}, codes: []int{exitOK}, want: "är skrivet till"},
	}
}
