package tofu

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/cxascode/cxascode/internal/pgstate"
	"github.com/cxascode/cxascode/internal/safefile"
	"github.com/cxascode/cxascode/internal/workspace"
)

// lockSharedState takes the environment's lock in the database of a pg state, which every
// machine sharing the state sees (the lock file under .cx only excludes commands on this
// machine). Other backends keep OpenTofu's own locking. release is nil when there is
// nothing to release; db, open until release, is the state's database.
func (e *Environment) lockSharedState(ctx context.Context) (release func(), db *sql.DB, err error) {
	st := e.Workspace.Config.State
	if !st.IsPostgres() {
		return nil, nil, nil
	}
	conn, err := pgstate.ConnString(st, e.Name)
	if err != nil {
		return nil, nil, err
	}
	db, err = pgstate.Open(ctx, conn)
	if err != nil {
		return nil, nil, err
	}
	what := pgstate.Describe(conn)
	l, err := pgstate.AcquireLock(ctx, db, e.Name, what, safefile.LockOptions{
		Command: e.Command, Timeout: e.LockTimeout,
		Waiting: func(h safefile.Holder) {
			if e.Progress != nil {
				fmt.Fprintf(e.Progress, "waiting for the lock held by %s on environment %s (%s)\n", h, e.Name, what)
			}
		},
	})
	if err != nil {
		db.Close()
		var le *safefile.LockedError
		if errors.As(err, &le) {
			return nil, nil, fmt.Errorf("environment %s is in use by %s (lock record in %s); try again when it has finished", e.Name, le.Holder, what)
		}
		return nil, nil, err
	}
	return func() {
		if err := l.Unlock(); err != nil && e.Progress != nil {
			fmt.Fprintf(e.Progress, "warning: %v; cx unlock --env %s clears it\n", err, e.Name)
		}
		db.Close()
	}, db, nil
}

// minPassphrase is the shortest passphrase OpenTofu's pbkdf2 key provider accepts.
const minPassphrase = 16

// EncryptionConfig is the value of TF_ENCRYPTION for the state block's encryption: OpenTofu
// derives a key from the passphrase (pbkdf2) and encrypts state and saved plans with
// AES-GCM. The passphrase is read from the environment variable cx.hcl names, and travels
// to OpenTofu only in its environment, never in a file. "" when there is no encryption.
func EncryptionConfig(st workspace.State) (string, error) {
	if st.Encryption == nil {
		return "", nil
	}
	name := st.Encryption.PassphraseEnv
	pass, ok := os.LookupEnv(name)
	switch {
	case !ok || pass == "":
		return "", fmt.Errorf("state encryption (cx.hcl %s) takes its passphrase from the environment variable %s, which is not set: set it to the passphrase the state was encrypted with", st.Encryption.Pos, name)
	case len(pass) < minPassphrase:
		return "", fmt.Errorf("state encryption: the passphrase in %s is %d characters; OpenTofu needs at least %d", name, len(pass), minPassphrase)
	}
	return fmt.Sprintf(`key_provider "pbkdf2" "cx" {
  passphrase = %s
}
method "aes_gcm" "cx" {
  keys = key_provider.pbkdf2.cx
}
state {
  method = method.aes_gcm.cx
}
plan {
  method = method.aes_gcm.cx
}
`, hclString(pass)), nil
}

// hclString quotes s as an HCL string literal that holds exactly s: no template
// interpolation (${, %{) and every control character escaped.
func hclString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04x`, r)
		case (r == '$' || r == '%') && strings.HasPrefix(s[i+1:], "{"):
			b.WriteRune(r) // doubled: $${ and %%{ are a literal ${ and %{
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
