// Package transfer is the group export format of digikomp: one record per
// finished attempt, written as CSV (for spreadsheets) or JSON Lines (for
// programs), and read back strictly so that a region can merge the exports
// of several laptops into one database.
//
// It is pure: it reads an io.Reader and writes an io.Writer, and knows
// neither the database nor the terminal. What a record means (whether its
// questionnaire, statements and ratings exist) is the importer's to judge;
// this package judges only the form: the file must say it is a digikomp
// export of a version this build reads, every record is checked field by
// field, and a rejected record is reported with the line it starts on.
//
// # CSV
//
// UTF-8 with a byte-order mark (so that spreadsheet programs show å, ä and
// ö), RFC 4180 quoting, lines ending in CRLF; a line break inside
// free text is read back as a line feed. The first row identifies the
// file:
//
//	digikomp-export,version=1,records=N,exported=2026-12-02T17:00:00Z
//
// the second names the columns, and each further row is one attempt:
//
//	attempt, workshop, workshop_name, workshop_place, workshop_date, round, date, started, questionnaire,
//	questionnaire_version, manager, learn, teach, show_name,
//	[profile,] background:ID…, rating:ID…, mean:AREA…,
//	[discussion:ID…, plan:topics, plan:goal, plan:other]
//
// Columns may come in any order; an unknown or repeated column refuses the
// file. A rating is 1–7 (the questionnaire's scale), 0 for a statement
// skipped, empty for one not reached; a mean has two decimals and a
// decimal point; lists of topic ids are separated by spaces. Free text that
// a spreadsheet would take for a formula (starting with =, +, -, @, a tab
// or a carriage return, after any apostrophes) gets one more leading
// apostrophe, which reading removes again.
//
// # JSON Lines
//
// The first line is the header object
//
//	{"format":"digikomp-export","version":1,"records":N,"exported":"…","with_names":false,"with_text":false}
//
// and every further line one attempt object with the keys of the CSV
// columns (background, ratings, area_means, discussion and plan as
// objects). Unknown keys are refused.
//
// # Privacy
//
// A record holds no profile id. The profile's name is written only when
// the export asks for names, discussion answers and the plan's topics,
// goal and free line only when it asks for text. The needs inventory
// (learn, teach, show_name: topic ids and a yes or no) is always written:
// a group report counts it.
package transfer

// Format is the name every digikomp export carries in its first line.
const Format = "digikomp-export"

// Version is the format version this build writes and the newest it reads.
const Version = 1
