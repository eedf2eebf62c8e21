package architect

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
	"gopkg.in/yaml.v3"
)

// The Archy-style job protocol, as genesyscloud_flow drives it:
//
//  1. POST /api/v2/flows/jobs registers a job and answers a presigned URL on this server;
//  2. the client PUTs the YAML there with no Authorization header (the URL's HMAC signature
//     authorises it; the job remembers the org and client that registered it) and needs 200;
//  3. the client polls GET /api/v2/flows/jobs/{id}?expand=messages until Success or Failure.
//
// The import runs inside the upload request, so the job is finished (Success or Failure) by
// the time the PUT answers; a poller never waits. It parses and validates the YAML, resolves
// every by-name reference (each missing object is its own Error message with its line and
// column), and only when nothing failed creates or updates the flow of that (name, type),
// adds version N.0 holding the uploaded bytes, publishes it and records what it consumes.
//
// Export jobs (POST /api/v2/flows/export/jobs, flow_export.go) finish at once too;
// their downloadUrl, also signed and on this server, returns the YAML exactly as uploaded
// (a zip for several flows).

// flowFileName is the file name job messages cite: the upload carries none.
const flowFileName = "flow.yaml"

// flowJob is a stored import job: its API state plus who registered it.
type flowJob struct {
	State      platform.ArchitectJobStateResponse `json:"state"`
	ClientID   string                             `json:"clientId"`
	ClientName string                             `json:"clientName"`
	Role       string                             `json:"role"`
	// UploadSHA256 lets a retried upload of the same bytes succeed again.
	UploadSHA256 string `json:"uploadSha256,omitempty"`
}

func (s *api) flowJobRoutes() {
	s.Route("POST /api/v2/flows/jobs", flowJobPermission, s.registerFlowJob)
	s.Route("GET /api/v2/flows/jobs/{id}", "architect:flow:view", s.getFlowJob)
	// Any other GET of a flow's subresource is the API's own 404 (not the catch-all's),
	// after authentication and the view permission.
	s.Route("GET /api/v2/flows/{id}/{sub}", "architect:flow:view", s.unknownFlowSubresource)
	// Exports only read flows, so read-only clients (drift detection) may run them.
	s.Route("POST /api/v2/flows/export/jobs", "architect:flow:view", s.registerFlowExport)
	s.Route("GET /api/v2/flows/export/jobs/{id}", "architect:flow:view", s.getFlowExport)
	s.HandlePlain("PUT /uploads/flows/{id}", s.uploadFlow)
	s.HandlePlain("GET /downloads/flows/{id}", s.downloadFlows)
}

// unknownFlowSubresource answers GET /api/v2/flows/{id}/{sub} for a sub no route names.
func (s *api) unknownFlowSubresource(w http.ResponseWriter, r *http.Request) error {
	return apihttp.NotFound()
}

func flowJobSelfURI(id string) string { return "/api/v2/flows/jobs/" + id }

func (s *api) registerFlowJob(w http.ResponseWriter, r *http.Request) error {
	p := apihttp.PrincipalOf(r.Context())
	id := uuid.NewString()
	job := flowJob{
		State: platform.ArchitectJobStateResponse{
			ID: host.Ptr(id), Status: host.Ptr("Registered"), Command: host.Ptr("Publish"), SelfURI: host.Ptr(flowJobSelfURI(id)),
		},
		ClientID: p.ClientID, ClientName: p.ClientName, Role: p.Role,
	}
	// A job is no entity of the org's configuration, so registering one is not audited;
	// the publish it leads to is.
	if err := s.Store.Update(r.Context(), p.OrgID, func(tx *store.Tx) error {
		_, err := entity.Put(tx, host.KindFlowJob, id, "", id, job)
		return err
	}); err != nil {
		return err
	}
	return apihttp.OK(w, platform.RegisterArchitectJobResponse{
		ID:           host.Ptr(id),
		PresignedURL: host.Ptr(s.SignedURL(r, "/uploads/flows/", "flow-upload", p.OrgID, id)),
		Headers:      map[string]string{"Content-Type": "application/octet-stream"},
		SelfURI:      host.Ptr(flowJobSelfURI(id)),
	})
}

func (s *api) getFlowJob(w http.ResponseWriter, r *http.Request) error {
	_, job, err := host.LookupAs[flowJob](s.Host, r, host.KindFlowJob, r.PathValue("id"))
	if err != nil {
		return err
	}
	st := job.State
	dropUnaskedMessages(r, &st.Messages)
	return apihttp.OK(w, st)
}

// dropUnaskedMessages leaves a job state's messages out unless the read asks for them
// (expand=messages), as the API does for import and export jobs alike.
func dropUnaskedMessages(r *http.Request, messages *[]platform.ArchitectJobMessage) {
	if !slices.Contains(apihttp.MultiParam(r, "expand"), "messages") {
		*messages = nil
	}
}

// flowJobPermission is what registering a flow import job, and so the import, needs.
const flowJobPermission = "architect:flow:add"

// uploadFlow is the PUT to a job's presigned URL: it runs the import and answers 200.
func (s *api) uploadFlow(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	org, data, err := s.ReadSignedUpload(w, r, host.KindFlowJob, "flow-upload", id)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	digest := hex.EncodeToString(sum[:])
	// The import outlives a client that hangs up: a job must not stay Started forever.
	ctx := context.WithoutCancel(r.Context())
	// Claim the job: the status is read and set in one transaction, so of concurrent
	// uploads to one URL exactly one imports; the others see Started.
	var job flowJob
	var again bool
	if err := s.Store.Update(ctx, org, func(tx *store.Tx) error {
		o, err := entity.Lookup(tx, host.KindFlowJob, id)
		if err != nil {
			return err
		}
		job = flowJob{}
		if err := host.DecodeObject(o, &job); err != nil {
			return err
		}
		if host.Deref(job.State.Status) != "Registered" {
			if job.UploadSHA256 != digest {
				return apihttp.Conflict("The job %s has received its file already; register a new job.", id)
			}
			again = true // a retried upload whose first answer was lost
			return nil
		}
		job.State.Status, job.UploadSHA256 = host.Ptr("Started"), digest
		_, err = entity.Put(tx, host.KindFlowJob, id, "", id, job)
		return err
	}); err != nil {
		return err
	}
	if again {
		w.WriteHeader(http.StatusOK)
		return nil
	}
	p := apihttp.Principal{OrgID: org, ClientID: job.ClientID, ClientName: job.ClientName, Role: job.Role}
	// The upload comes through no route, so the import is held to the divisions in which
	// the job's client holds the registration's permission (the server's check, through
	// host.Authorize).
	var importErr *apihttp.Error
	if p.Access, err = s.Authorize(p, flowJobPermission); err != nil && !errors.As(err, &importErr) {
		return err
	}
	ctx = apihttp.WithPrincipal(ctx, p)
	if p.Access.Restricted {
		ctx = store.WithChangeCheck(ctx, host.DivisionChangeCheck(p.Access))
	}
	r = r.WithContext(ctx)
	err = s.Store.Update(ctx, org, func(tx *store.Tx) error {
		if importErr != nil {
			return importErr
		}
		ref, msgs, err := s.importFlow(tx, r, data)
		if err != nil {
			return err
		}
		job.State.Messages = msgs
		job.State.Status = host.Ptr("Success")
		if ref == nil {
			job.State.Status = host.Ptr("Failure")
		}
		job.State.Flow = ref
		_, err = entity.Put(tx, host.KindFlowJob, id, "", id, job)
		return err
	})
	if err != nil {
		text := fmt.Sprintf("The import failed inside the local org (correlation id %s).", w.Header().Get(apihttp.CorrelationHeader))
		if ae := (*apihttp.Error)(nil); errors.As(err, &ae) {
			text = ae.Message // the caller's to act on, e.g. a permission it lacks in the flow's division
		} else {
			s.Log.Error("flow import failed", "job", id, "correlationId", w.Header().Get(apihttp.CorrelationHeader), "err", err)
		}
		job.State.Status = host.Ptr("Failure")
		job.State.Messages = []platform.ArchitectJobMessage{jobMessage(s.Store.Now(), "Error", text)}
		if err := s.Store.Update(ctx, org, func(tx *store.Tx) error {
			_, err := entity.Put(tx, host.KindFlowJob, id, "", id, job)
			return err
		}); err != nil {
			return err
		}
	}
	w.WriteHeader(http.StatusOK)
	return nil
}

func jobMessage(t time.Time, typ, text string) platform.ArchitectJobMessage {
	return platform.ArchitectJobMessage{DateTime: host.Ptr(apihttp.FormatTime(t.UTC())), Type: host.Ptr(typ), Text: host.Ptr(text)}
}

// importFlow publishes data as a flow inside tx. It returns the flow's reference on
// success, or nil and the Error messages when nothing was published; warnings come with
// either. err is reserved for failures of the org itself.
func (s *api) importFlow(tx *store.Tx, r *http.Request, data []byte) (*platform.AddressableEntityRef, []platform.ArchitectJobMessage, error) {
	p := apihttp.PrincipalOf(r.Context())
	msgs := []platform.ArchitectJobMessage{}
	var failed bool
	add := func(typ, text string) {
		msgs = append(msgs, jobMessage(tx.Now(), typ, text))
		failed = failed || typ == "Error"
	}
	f, err := archy.Parse(flowFileName, data)
	if err != nil {
		var ae *archy.Error
		if errors.As(err, &ae) {
			add("Error", fmt.Sprintf("%s (%s)", ae.Msg, refPosText(ae.Pos)))
		} else {
			add("Error", err.Error())
		}
		return nil, msgs, nil
	}
	for _, e := range f.Validate() {
		add("Error", fmt.Sprintf("%s (%s)", e.Msg, refPosText(e.Pos)))
	}
	_, unresolved := archy.Substitute(data, nil)
	for _, u := range unresolved {
		u.Pos.File = flowFileName
		add("Warning", fmt.Sprintf("The placeholder '{{%s}}' was not substituted (%s)", u.Key, refPosText(u.Pos)))
	}
	apiType := archy.APIType(f.Type)
	name := strings.TrimSpace(f.Name)
	var existing *store.Object
	var old *platform.Flow
	if name != "" {
		existing, old = findFlow(tx, name, apiType)
	}
	self := ""
	if existing != nil {
		self = existing.ID
		if lockedByOther(old, p) {
			add("Error", fmt.Sprintf("The flow '%s' is locked by the client '%s'; unlock it first", existing.Name, host.Deref(old.LockedClient.Name)))
		}
	}
	res := resolveFlowRefs(tx, f, f.References(), self)
	for _, w := range res.warnings {
		add("Warning", w)
	}
	for _, e := range res.errors {
		add("Error", e)
	}
	if failed {
		return nil, msgs, nil
	}

	fl := platform.Flow{Active: host.Ptr(true), System: host.Ptr(false), Deleted: host.Ptr(false)}
	id, version := uuid.NewString(), 1
	if existing != nil {
		fl, id = *old, existing.ID
		for _, v := range tx.List(host.KindFlowVersion, id) {
			version = max(version, versionNumber(strings.TrimPrefix(v.ID, id+"/"))+1)
		}
	}
	switch {
	case res.division != nil:
		fl.Division = host.DivisionRefTo(res.division.ID, res.division.Name)
	case fl.Division == nil:
		div, err := host.DivisionRefFor(tx, "", "division")
		if err != nil {
			return nil, nil, err
		}
		fl.Division = div
	}
	vid, ms, selfURI := versionID(version), epochMillis(tx.Now()), flowSelfURI(id)
	langs := supportedLanguages(f)
	fv := platform.FlowVersion{
		ID: host.Ptr(vid), Name: host.Ptr(name), CommitVersion: host.Ptr(vid), ConfigurationVersion: host.Ptr(vid), Type: host.Ptr("PUBLISH"),
		Secure: host.Ptr(false), Debug: host.Ptr(false), CreatedByClient: host.ClientRef(p),
		ConfigurationURI: host.Ptr(selfURI + "/versions/" + vid + "/configuration"),
		DateCreated:      ms, DateCheckedIn: ms, DateSaved: ms, DatePublished: host.Ptr(apihttp.FormatTime(tx.Now())),
		SupportedLanguages: langs, SelfURI: host.Ptr(selfURI + "/versions/" + vid),
	}
	fl.ID, fl.Name, fl.Type, fl.SelfURI = host.Ptr(id), host.Ptr(name), host.Ptr(apiType), host.Ptr(selfURI)
	fl.Description = nil
	if d := strings.TrimSpace(f.Description); d != "" {
		fl.Description = host.Ptr(d)
	}
	fl.Active, fl.Deleted = host.Ptr(true), host.Ptr(false)
	fl.PublishedVersion, fl.CheckedInVersion, fl.SavedVersion = &fv, &fv, nil
	fl.SupportedLanguages = langs

	if _, err := entity.Put(tx, host.KindFlowVersion, id+"/"+vid, id, vid, fv); err != nil {
		return nil, nil, err
	}
	consumed := res.consumed
	if consumed == nil {
		consumed = []platform.Dependency{}
	}
	if _, err := entity.Put(tx, host.KindFlowContent, id+"/"+vid, id, vid, FlowContent{YAML: string(data), Consumed: consumed}); err != nil {
		return nil, nil, err
	}
	out, err := entity.Put(tx, host.KindFlow, id, "", name, fl)
	if err != nil {
		return nil, nil, err
	}
	ev := audit.Event{Service: "Architect", EntityType: "Flow", Action: "Publish", ID: id, Name: name, New: out,
		Changes: publishChanges(old, &fl)}
	if existing == nil {
		ev.Action = "Create"
	} else {
		ev.Old = existing.Data
	}
	host.Record(tx, r, ev)
	return &platform.AddressableEntityRef{ID: host.Ptr(id), SelfURI: host.Ptr(selfURI)}, msgs, nil
}

// publishChanges lists what a publish changed, as the audit log reports it: the published
// version always, and the header fields that differ from the previous flow (old nil = new).
func publishChanges(old, cur *platform.Flow) []platform.PropertyChange {
	if old == nil {
		old = &platform.Flow{}
	}
	divName := func(f *platform.Flow) string {
		if f.Division == nil {
			return ""
		}
		return host.Deref(f.Division.Name)
	}
	verID := func(f *platform.Flow) string {
		if f.PublishedVersion == nil {
			return ""
		}
		return host.Deref(f.PublishedVersion.ID)
	}
	var out []platform.PropertyChange
	for _, c := range []struct{ prop, o, n string }{
		{"name", host.Deref(old.Name), host.Deref(cur.Name)},
		{"type", host.Deref(old.Type), host.Deref(cur.Type)},
		{"description", host.Deref(old.Description), host.Deref(cur.Description)},
		{"division", divName(old), divName(cur)},
		{"publishedVersion", verID(old), verID(cur)},
	} {
		if c.o == c.n && c.prop != "publishedVersion" {
			continue
		}
		pc := platform.PropertyChange{Property: host.Ptr(c.prop), OldValues: []string{}, NewValues: []string{}}
		if c.o != "" {
			pc.OldValues = []string{c.o}
		}
		if c.n != "" {
			pc.NewValues = []string{c.n}
		}
		out = append(out, pc)
	}
	return out
}

// supportedLanguages reads the flow's languages (the keys of supportedLanguages, the
// defaultLanguage marked as default).
func supportedLanguages(f *archy.Flow) []platform.SupportedLanguage {
	var def string
	var langs *yaml.Node
	for i := 0; i+1 < len(f.Root.Content); i += 2 {
		switch f.Root.Content[i].Value {
		case "defaultLanguage":
			def = f.Root.Content[i+1].Value
		case "supportedLanguages":
			langs = f.Root.Content[i+1]
		}
	}
	var out []platform.SupportedLanguage
	if langs != nil && langs.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(langs.Content); i += 2 {
			l := langs.Content[i].Value
			out = append(out, platform.SupportedLanguage{Language: host.Ptr(l), IsDefault: host.Ptr(strings.EqualFold(l, def))})
		}
	}
	if len(out) == 0 && def != "" {
		out = append(out, platform.SupportedLanguage{Language: host.Ptr(def), IsDefault: host.Ptr(true)})
	}
	return out
}
