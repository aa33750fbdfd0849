package survey

// Ratings maps statement ids to the value given on the scale. A statement
// that was skipped or not reached is simply absent.
type Ratings map[string]int
