package architect

import (
	"archive/zip"
	"bytes"
	"fmt"
	"net/http"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
)

// Flow export jobs: POST /api/v2/flows/export/jobs snapshots which versions to export and
// finishes at once; GET of the job answers a presigned downloadUrl (signedURL, in
// flow_jobs.go) that serves the YAML exactly as uploaded.

// flowExportJob is a stored export job: its API state and the flow versions it exports.
type flowExportJob struct {
	State platform.ArchitectExportJobStateResponse `json:"state"`
	Items []flowExportItem                         `json:"items"`
}

type flowExportItem struct {
	FlowID   string `json:"flowId"`
	Version  string `json:"version"`
	FileName string `json:"fileName"`
}

func flowExportSelfURI(id string) string { return "/api/v2/flows/export/jobs/" + id }

// registerFlowExport is POST /api/v2/flows/export/jobs: it snapshots which version of each
// flow to export (the one named, else the published one) and finishes at once.
func (s *api) registerFlowExport(w http.ResponseWriter, r *http.Request) error {
	var in platform.RegisterArchitectExportJob
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	if len(in.Flows) == 0 {
		return apihttp.Required("flows")
	}
	p := apihttp.PrincipalOf(r.Context())
	id := uuid.NewString()
	job := flowExportJob{State: platform.ArchitectExportJobStateResponse{
		ID: host.Ptr(id), Status: host.Ptr("Success"), Command: host.Ptr("Export"), Messages: []platform.ArchitectJobMessage{}, SelfURI: host.Ptr(flowExportSelfURI(id)),
	}}
	err := s.Store.Update(r.Context(), p.OrgID, func(tx *store.Tx) error {
		for i, d := range in.Flows {
			field := fmt.Sprintf("flows[%d].flow.id", i)
			if d.Flow == nil || host.Deref(d.Flow.ID) == "" {
				return apihttp.Required(field)
			}
			o, f, err := txFlow(tx, *d.Flow.ID)
			if err != nil || !p.Access.Allows(host.ObjectDivision(o)) { // a flow of another division is not there for the caller
				return apihttp.UnknownRef(field, *d.Flow.ID)
			}
			if t := host.Deref(d.ExportType); t != "" && !strings.EqualFold(t, "Yaml") {
				return apihttp.InvalidValue(fmt.Sprintf("flows[%d].exportType", i), t, []string{"Yaml"})
			}
			v := host.Deref(d.Flow.Version)
			if v == "" && f.PublishedVersion != nil {
				v = host.Deref(f.PublishedVersion.ID)
			}
			v = versionID(versionNumber(v))
			if tx.Get(host.KindFlowContent, o.ID+"/"+v) == nil {
				return apihttp.BadRequest("The flow [%s] has no published version to export.", o.Name)
			}
			file := host.Deref(d.FileName)
			if file == "" {
				file = fmt.Sprintf("%s_v%s.yaml", o.Name, strings.ReplaceAll(v, ".", "-"))
			}
			job.Items = append(job.Items, flowExportItem{FlowID: o.ID, Version: v, FileName: file})
		}
		_, err := entity.Put(tx, host.KindFlowExportJob, id, "", id, job)
		return err
	})
	if err != nil {
		return err
	}
	return apihttp.OK(w, platform.RegisterArchitectExportJobResponse{
		ID: host.Ptr(id), Status: job.State.Status, TotalFlows: host.Ptr(len(job.Items)), SelfURI: host.Ptr(flowExportSelfURI(id)),
	})
}

func (s *api) getFlowExport(w http.ResponseWriter, r *http.Request) error {
	o, job, err := host.LookupAs[flowExportJob](s.Host, r, host.KindFlowExportJob, r.PathValue("id"))
	if err != nil {
		return err
	}
	st := job.State
	st.DownloadURL = host.Ptr(s.SignedURL(r, "/downloads/flows/", "flow-download", apihttp.PrincipalOf(r.Context()).OrgID, o.ID))
	dropUnaskedMessages(r, &st.Messages)
	return apihttp.OK(w, st)
}

// downloadFlows serves an export job's downloadUrl: the YAML as uploaded for one flow, a
// zip of the files for several.
func (s *api) downloadFlows(w http.ResponseWriter, r *http.Request) error {
	org, o, err := s.FindSigned(r, host.KindFlowExportJob, "flow-download", r.PathValue("id"))
	if err != nil {
		return err
	}
	var job flowExportJob
	if err := host.DecodeObject(o, &job); err != nil {
		return err
	}
	files := make([][]byte, len(job.Items))
	for i, it := range job.Items {
		c := s.Store.Get(org, host.KindFlowContent, it.FlowID+"/"+it.Version)
		if c == nil {
			return apihttp.NotFound()
		}
		var content FlowContent
		if err := host.DecodeObject(c, &content); err != nil {
			return err
		}
		files[i] = []byte(content.YAML)
	}
	if len(files) == 1 {
		w.Header().Set("Content-Type", "application/x-yaml")
		w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", job.Items[0].FileName))
		w.WriteHeader(http.StatusOK)
		w.Write(files[0]) //nolint:errcheck // the client went away; nothing to do
		return nil
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i, it := range job.Items {
		fw, err := zw.Create(it.FileName)
		if err != nil {
			return err
		}
		if _, err := fw.Write(files[i]); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", `attachment; filename="flows.zip"`)
	w.WriteHeader(http.StatusOK)
	w.Write(buf.Bytes()) //nolint:errcheck // the client went away; nothing to do
	return nil
}
