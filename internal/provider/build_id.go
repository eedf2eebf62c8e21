package provider

import (
	"debug/elf"
	"fmt"
	"os"
	"sync"
)

// buildID identifies the running provider binary: its Go build ID (which changes with any
// change to the code built into it), else its size and modification time. The read memo
// belongs to the binary that made it, so a rebuilt provider whose Read maps the API
// differently never trusts a memo of the old one, whatever its version string says.
var buildID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if f, err := elf.Open(exe); err == nil {
		defer f.Close()
		if s := f.Section(".note.go.buildid"); s != nil {
			if data, err := s.Data(); err == nil && len(data) > 0 {
				return fmt.Sprintf("%x", data)
			}
		}
	}
	st, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d-%d", st.Size(), st.ModTime().UnixNano())
})
