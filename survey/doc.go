// Package survey is digikomp's domain: the questionnaire as data, the
// seven-point scale, the background and discussion questions, scoring and
// statistics. It does no I/O beyond reading the data files embedded in the
// binary, so every function here is pure and safe to call from anywhere.
package survey
