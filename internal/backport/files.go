package backport

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/cxascode/cxascode/internal/safefile"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// editor holds every file Build touches, parsed once, and knows their original bytes.
type editor struct {
	root    string
	orig    map[string][]byte // nil for files that did not exist
	hcl     map[string]*hclwrite.File
	text    map[string][]byte // new content of non-HCL files (flow YAML)
	created map[string]bool
}

func newEditor(root string) *editor {
	return &editor{root: root, orig: map[string][]byte{}, hcl: map[string]*hclwrite.File{},
		text: map[string][]byte{}, created: map[string]bool{}}
}

func (e *editor) abs(rel string) string { return filepath.Join(e.root, filepath.FromSlash(rel)) }

// read returns a file's current content in this edit (the original, or what was set).
func (e *editor) read(rel string) ([]byte, error) {
	if f, ok := e.hcl[rel]; ok {
		return f.Bytes(), nil
	}
	if t, ok := e.text[rel]; ok {
		return t, nil
	}
	if o, ok := e.orig[rel]; ok {
		return o, nil
	}
	data, err := os.ReadFile(e.abs(rel))
	if err != nil {
		return nil, err
	}
	e.orig[rel] = data
	return data, nil
}

// hclFile returns the parsed .tf file, creating an empty one when create is set and it
// does not exist.
func (e *editor) hclFile(rel string, create bool) (*hclwrite.File, error) {
	if f, ok := e.hcl[rel]; ok {
		return f, nil
	}
	data, err := e.read(rel)
	if errors.Is(err, fs.ErrNotExist) && create {
		e.orig[rel], e.created[rel] = nil, true
		f := hclwrite.NewEmptyFile()
		e.hcl[rel] = f
		return f, nil
	}
	if err != nil {
		return nil, err
	}
	f, diags := hclwrite.ParseConfig(data, rel, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, fmt.Errorf("parse %s: %s", rel, diags.Error())
	}
	e.hcl[rel] = f
	return f, nil
}

// setText replaces a non-HCL file's content.
func (e *editor) setText(rel string, data []byte) error {
	if _, err := e.read(rel); err != nil {
		return err
	}
	e.text[rel] = data
	return nil
}

// changes lists the files whose content differs from the original, sorted by path.
func (e *editor) changes() ([]Change, error) {
	var out []Change
	add := func(rel string, data []byte) {
		if !e.created[rel] && bytes.Equal(e.orig[rel], data) {
			return
		}
		out = append(out, Change{Path: rel, Old: e.orig[rel], New: data, Created: e.created[rel]})
	}
	for rel, f := range e.hcl {
		data := f.Bytes()
		// Align "=" the way tofu fmt does, unless the file was not formatted to begin with:
		// then formatting would change lines the backport has nothing to do with.
		if o := e.orig[rel]; o == nil || bytes.Equal(hclwrite.Format(o), o) {
			data = hclwrite.Format(data)
		}
		add(rel, data)
	}
	for rel, t := range e.text {
		add(rel, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// Write writes every change under root, each file to a temp file beside it renamed over
// it, so an interrupted backport leaves whole files only.
func (r *Result) Write(root string) error {
	for _, c := range r.Changes {
		p := filepath.Join(root, filepath.FromSlash(c.Path))
		mode := fs.FileMode(0o644)
		if st, err := os.Stat(p); err == nil {
			mode = st.Mode().Perm()
		}
		if err := safefile.WriteFileAtomic(p, c.New, mode); err != nil {
			return fmt.Errorf("write %s: %w", c.Path, err)
		}
	}
	return nil
}

// WritePatch prints the changes as a unified diff that `git apply` (or `patch -p1`) takes
// at the workspace root.
func (r *Result) WritePatch(w io.Writer) error {
	for _, c := range r.Changes {
		if _, err := io.WriteString(w, unifiedDiff(c.Path, c.Old, c.New, c.Created)); err != nil {
			return err
		}
	}
	return nil
}
