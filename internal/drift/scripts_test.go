package drift

import (
	"bytes"
	"context"
	"mime/multipart"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
)

// A script uploaded by hand is found unmanaged and attributed to whoever uploaded it; the
// default scripts every org has are not findings.
func TestScriptUnmanaged(t *testing.T) {
	t.Parallel()
	o := newTestOrg(t)
	ctx := context.Background()
	k := kinds.Genesys().Named(kinds.Script)
	var form bytes.Buffer
	mw := multipart.NewWriter(&form)
	fw, err := mw.CreateFormFile("file", "script.json")
	if err == nil {
		_, err = fw.Write([]byte(`{"pages":[]}`))
	}
	if err == nil {
		err = mw.WriteField("scriptName", "Hand made")
	}
	if err == nil {
		err = mw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := o.console.PostUpload(ctx, k.API.CreateAt(), platform.RawBody{ContentType: mw.FormDataContentType(), Data: form.Bytes()}, nil); err != nil {
		t.Fatalf("upload script: %v", err)
	}
	found, errs := FindUnmanaged(ctx, UnmanagedOptions{Client: o.deploy, Types: []string{k.Resource}})
	if len(errs) > 0 {
		t.Fatalf("errors: %+v", errs)
	}
	if len(found) != 1 || found[0].Name != "Hand made" {
		t.Fatalf("findings = %+v, want the hand-made script alone", found)
	}
	o.wantMadeByConsole(t, found, "the hand-made script")
}
