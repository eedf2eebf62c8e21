// Command compatgen writes docs/compatibility.md: the official Genesys Cloud provider's
// attributes with cxascode's status for each, checked against the provider's live schema.
//
//	go run ./tools/compatgen [-o docs/compatibility.md]
package main

import (
	"context"
	"flag"
	"log"
	"os"
	"path/filepath"

	"github.com/cxascode/cxascode/internal/compat"
)

func main() {
	out := flag.String("o", filepath.Join("docs", "compatibility.md"), "file to write")
	flag.Parse()
	doc, err := compat.Generate(context.Background())
	if err != nil {
		log.Fatalf("compatgen: %v", err)
	}
	if err := writeAtomically(*out, doc); err != nil {
		log.Fatalf("compatgen: %v", err)
	}
}

// writeAtomically writes through a temp file and a rename so a failed run never leaves a
// half-written document behind.
func writeAtomically(name string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), ".compatgen-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}
