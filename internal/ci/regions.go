package ci

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/cxascode/cxascode/internal/safefile"
)

// The marker lines around the generated part of every file. Both are YAML comments, so a
// file with markers is still the YAML the CI system reads.
const (
	BeginMarker = "# >>> cx ci: generated, edits between these markers are replaced on regeneration >>>"
	EndMarker   = "# <<< cx ci: end of generated part <<<"
)

// generatedHeader is written once, above the begin marker, when a file is created; later
// runs keep whatever is above the marker as it is.
const generatedHeader = `# Written by cx ci from cx.hcl and the workspace's project graph. Regenerate after adding,
# removing or re-wiring projects or environments. Edit outside the markers only: the part
# between them is replaced, the rest is kept. In a GitHub workflow the generated part ends
# with the jobs: map, so jobs of your own, indented by two spaces below the end marker, join
# it; in .gitlab-ci.yml jobs of your own go at the top level below the end marker.
`

// File is one generated file: its path relative to the output directory and the generated
// part (without markers).
type File struct {
	Path      string // slash separated
	Generated []byte
}

// Merge returns the new content of a file whose current content is existing (nil when it
// does not exist yet): the generated part between markers, with what existing holds
// outside its markers kept byte for byte. A file that exists without markers is not
// cx's to overwrite.
func Merge(path string, existing, generated []byte) ([]byte, error) {
	region := slices.Concat([]byte(BeginMarker+"\n"), generated, []byte(EndMarker+"\n"))
	if existing == nil {
		return slices.Concat([]byte(generatedHeader), region), nil
	}
	begin := bytes.Index(existing, []byte(BeginMarker+"\n"))
	end := bytes.Index(existing, []byte(EndMarker+"\n"))
	if begin < 0 || end < begin {
		return nil, fmt.Errorf("%s exists without cx ci's markers (%q … %q): move it away, or add the markers around the part cx may replace", path, BeginMarker, EndMarker)
	}
	return slices.Concat(existing[:begin], region, existing[end+len(EndMarker)+1:]), nil
}

// Write writes files under dir, merging each with what is already there, and returns the
// paths it changed. Each file is written atomically; unchanged files are not touched.
func Write(dir string, files []File) ([]string, error) {
	var changed []string
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		existing, err := os.ReadFile(path)
		if err != nil && !os.IsNotExist(err) {
			return changed, fmt.Errorf("read %s: %w", path, err)
		}
		if os.IsNotExist(err) {
			existing = nil
		}
		content, err := Merge(path, existing, f.Generated)
		if err != nil {
			return changed, err
		}
		if bytes.Equal(content, existing) {
			continue
		}
		if err := safefile.WriteFileAtomic(path, content, 0o644); err != nil {
			return changed, fmt.Errorf("write %s: %w", path, err)
		}
		changed = append(changed, f.Path)
	}
	return changed, nil
}
