package host

import (
	"regexp"
	"strconv"
)

var e164RE = regexp.MustCompile(`^\+[1-9]\d{1,14}$`)

// ParseE164 returns the digits of an E.164 number as an integer (at most 15 digits fit).
// Telephony ranges DID pools by it; outbound checks the numbers of DNC lists with it.
func ParseE164(s string) (int64, bool) {
	if !e164RE.MatchString(s) {
		return 0, false
	}
	n, err := strconv.ParseInt(s[1:], 10, 64)
	return n, err == nil
}
