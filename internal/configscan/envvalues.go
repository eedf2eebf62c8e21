package configscan

import (
	"regexp"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
)

// Environment-specific values: literals that differ per org or environment and so belong in
// env/<env>.tfvars (or, in flow YAML, behind a {{substitution}}) rather than in the code.
// cx check reports them where they are written and cx export moves them out as it writes;
// both recognise them here, so what one writes the other never reports.

// EnvValueKind is what sort of environment-specific value a literal holds.
type EnvValueKind string

// The environment-specific values FindEnvValue recognises.
const (
	EnvEmail EnvValueKind = "email"
	EnvURL   EnvValueKind = "url"
	EnvPhone EnvValueKind = "phone"
)

// EnvValue is one environment-specific value found inside a literal.
type EnvValue struct {
	Kind EnvValueKind
	// Value is the part of the literal that is environment-specific (the address, the URL,
	// the number), not the whole literal.
	Value string
}

var (
	phonePattern = regexp.MustCompile(`(^|[^\w+])\+[1-9][0-9]{6,14}\b`)
	emailPattern = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+`)
	urlPattern   = regexp.MustCompile(`(?i)\bhttps?://[^\s"'{}]+`)
)

// FindEnvValue reports the first environment-specific value in s: an e-mail address, else a
// URL, else a phone number in E.164 form.
func FindEnvValue(s string) (EnvValue, bool) {
	switch {
	case emailPattern.MatchString(s):
		return EnvValue{EnvEmail, emailPattern.FindString(s)}, true
	case urlPattern.MatchString(s):
		// A URL ends before an interpolation or closing punctuation ("…?phone=${input.phone}").
		return EnvValue{EnvURL, strings.TrimRight(urlPattern.FindString(s), "$.,;:)")}, true
	case phonePattern.MatchString(s):
		// The pattern takes the character before the "+" to know the number starts there.
		m := phonePattern.FindString(s)
		return EnvValue{EnvPhone, m[strings.IndexByte(m, '+'):]}, true
	}
	return EnvValue{}, false
}

// IsIdentityAttribute reports whether attr of a resource or data source of type typ is what
// the object is known by in every environment — its name, or the key its data source finds it
// by (a user's email) — rather than configuration of it: projects find each other's objects by
// these values, so they stay literal and are not environment-specific values.
func IsIdentityAttribute(typ, attr string) bool {
	if k := kinds.Genesys().ByResource(typ); k != nil {
		return attr == k.NameAttribute() || attr == k.LookupKey()
	}
	for _, k := range kinds.Genesys().All() {
		if k.DataSource == typ {
			return attr == k.NameAttribute() || attr == k.LookupKey()
		}
	}
	return false
}
