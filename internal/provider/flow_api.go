package provider

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
)

// The Architect job protocol as genesyscloud_flow drives it (Platform API contract §3.7.1):
// register a job, PUT the YAML to the presigned URL it returns (no Authorization header,
// exactly 200 expected), then poll the job until Success (the flow id) or Failure (messages).
// Exports run the same way: register, poll, download.

const (
	flowsPath = "/api/v2/flows"
	// flowJobTimeout bounds a publish or export job; the official provider waits 16 minutes.
	flowJobTimeout = 16 * time.Minute
	// flowUploadTimeout bounds the retries of the presigned upload (the official: 20 s).
	flowUploadTimeout = 20 * time.Second
	// flowDeleteTimeout bounds the 409 retries of a delete (a flow is in use until the IVR or
	// flow that uses it is gone; the official retries for 30 s).
	flowDeleteTimeout = 60 * time.Second
)

// flowAPI is the API seam for flow entities (GET, DELETE; content goes through jobs).
func flowAPI(c *platform.Client) entityAPI[platform.Flow] {
	api := seamFor(c, flowsPath, flowDeleteTimeout, func(f *platform.Flow) *string { return f.Name })
	api.softDeleted = func(f *platform.Flow) bool { return deref(f.Deleted) }
	api.retryDelete = platform.IsConflict
	return api
}

// flowJobs runs publish and export jobs. files sends the presigned uploads and downloads,
// which carry no token: a plain client, never the API client.
type flowJobs struct {
	client *platform.Client
	files  *http.Client
}

func newFlowJobs(c *platform.Client) flowJobs {
	return flowJobs{client: c, files: &http.Client{Timeout: 2 * time.Minute}}
}

// flowJobFailure is a publish job that ended in Failure: every message it carried.
type flowJobFailure struct {
	JobID    string
	File     string
	Messages []string
}

func (e *flowJobFailure) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "the Architect job %s failed to publish %s", e.JobID, e.File)
	if len(e.Messages) == 0 {
		b.WriteString(" and gave no message")
		return b.String()
	}
	b.WriteString(":")
	for _, m := range e.Messages {
		b.WriteString("\n  - ")
		b.WriteString(m)
	}
	return b.String()
}

// unlock releases a flow's lock (force_unlock), whoever holds it.
func (j flowJobs) unlock(ctx context.Context, flowID string) error {
	err := j.client.Do(ctx, http.MethodPost, flowsPath+"/actions/unlock", url.Values{"flow": {flowID}}, nil, nil)
	if platform.IsNotFound(err) {
		return nil
	}
	return err
}

// publish uploads content (the YAML after substitutions) and returns the published flow's
// id. file names the source in errors.
func (j flowJobs) publish(ctx context.Context, file string, content []byte) (string, error) {
	var reg platform.RegisterArchitectJobResponse
	if err := j.client.Do(ctx, http.MethodPost, flowsPath+"/jobs", nil, nil, &reg); err != nil {
		return "", fmt.Errorf("register the publish job: %w", err)
	}
	jobID := deref(reg.ID)
	if jobID == "" || deref(reg.PresignedURL) == "" {
		return "", errors.New("register the publish job: the answer has no job id or upload URL")
	}
	if err := j.upload(ctx, deref(reg.PresignedURL), reg.Headers, content); err != nil {
		return "", fmt.Errorf("upload %s for job %s: %w", file, jobID, err)
	}
	var st platform.ArchitectJobStateResponse
	err := poll(ctx, flowJobTimeout, func(ctx context.Context) (bool, error) {
		st = platform.ArchitectJobStateResponse{}
		if err := j.client.Do(ctx, http.MethodGet, flowsPath+"/jobs/"+url.PathEscape(jobID), url.Values{"expand": {"messages"}}, nil, &st); err != nil {
			// The publish may already be done: keep asking through outages (5xx, 429, dropped
			// connections) until the deadline; only an answer that will not change (4xx) stops.
			var ae *platform.APIError
			if errors.As(err, &ae) && ae.Status >= 400 && ae.Status < 500 && ae.Status != http.StatusTooManyRequests {
				return false, permanent(err)
			}
			return false, err
		}
		switch deref(st.Status) {
		case "Success", "Failure":
			return true, nil
		}
		return false, fmt.Errorf("job %s is %s", jobID, deref(st.Status))
	})
	if err != nil {
		return "", fmt.Errorf("wait for the publish job %s: %w", jobID, err)
	}
	if deref(st.Status) == "Failure" {
		fail := &flowJobFailure{JobID: jobID, File: file}
		for _, m := range st.Messages {
			text := deref(m.Text)
			if t := deref(m.Type); t != "" {
				text = t + ": " + text
			}
			fail.Messages = append(fail.Messages, text)
		}
		return "", fail
	}
	if st.Flow == nil || deref(st.Flow.ID) == "" {
		return "", fmt.Errorf("the publish job %s succeeded but names no flow", jobID)
	}
	return deref(st.Flow.ID), nil
}

// upload PUTs content to the job's presigned URL with exactly the headers it asked for.
func (j flowJobs) upload(ctx context.Context, target string, headers map[string]string, content []byte) error {
	return putPresigned(ctx, j.files, flowUploadTimeout, target, headers, content)
}

// export returns the YAML of the flow's published version, as the org exports it.
func (j flowJobs) export(ctx context.Context, flowID string) ([]byte, error) {
	var reg platform.RegisterArchitectExportJobResponse
	body := platform.RegisterArchitectExportJob{Flows: []platform.ExportDetails{{
		Flow: &platform.ArchitectFlowReference{ID: ptr(flowID)}, ExportType: ptr("Yaml"),
	}}}
	if err := j.client.Do(ctx, http.MethodPost, flowsPath+"/export/jobs", nil, body, &reg); err != nil {
		return nil, fmt.Errorf("register the export job: %w", err)
	}
	jobID := deref(reg.ID)
	var st platform.ArchitectExportJobStateResponse
	err := poll(ctx, flowJobTimeout, func(ctx context.Context) (bool, error) {
		st = platform.ArchitectExportJobStateResponse{}
		if err := j.client.Do(ctx, http.MethodGet, flowsPath+"/export/jobs/"+url.PathEscape(jobID), url.Values{"expand": {"messages"}}, nil, &st); err != nil {
			return false, permanent(err)
		}
		switch deref(st.Status) {
		case "Success":
			return true, nil
		case "Failure":
			var msgs []string
			for _, m := range st.Messages {
				msgs = append(msgs, deref(m.Text))
			}
			return false, permanent(fmt.Errorf("the export job %s failed: %s", jobID, strings.Join(msgs, "; ")))
		}
		return false, fmt.Errorf("export job %s is %s", jobID, deref(st.Status))
	})
	if err != nil {
		return nil, err
	}
	if deref(st.DownloadURL) == "" {
		return nil, fmt.Errorf("the export job %s succeeded but gave no download URL", jobID)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, deref(st.DownloadURL), nil)
	if err != nil {
		return nil, err
	}
	res, err := j.files.Do(req)
	if err != nil {
		return nil, fmt.Errorf("download the export of flow %s: %w", flowID, err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(io.LimitReader(res.Body, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("download the export of flow %s: %w", flowID, err)
	}
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download the export of flow %s: status %d", flowID, res.StatusCode)
	}
	return data, nil
}

// findFlows lists the flows (not deleted) named name, ignoring case as Architect does;
// apiType ("INBOUNDCALL", any case) narrows them when not empty.
func findFlows(ctx context.Context, c *platform.Client, name, apiType string) ([]platform.Flow, error) {
	const pageSize = 100
	var out []platform.Flow
	for page := 1; ; page++ {
		q := url.Values{"name": {name}, "pageSize": {strconv.Itoa(pageSize)}, "pageNumber": {strconv.Itoa(page)}}
		if apiType != "" {
			q.Set("type", strings.ToLower(apiType))
		}
		var listing struct {
			Entities  []platform.Flow `json:"entities"`
			PageCount int             `json:"pageCount"`
		}
		if err := c.Do(ctx, http.MethodGet, flowsPath, q, nil, &listing); err != nil {
			return nil, err
		}
		for _, f := range listing.Entities {
			if strings.EqualFold(deref(f.Name), name) && !deref(f.Deleted) &&
				(apiType == "" || strings.EqualFold(deref(f.Type), apiType)) {
				out = append(out, f)
			}
		}
		if len(listing.Entities) == 0 || page >= listing.PageCount {
			return out, nil
		}
	}
}

// publishedVersion is the id of a flow's published version ("" when never published).
func publishedVersion(f *platform.Flow) string {
	if f == nil || f.PublishedVersion == nil {
		return ""
	}
	return deref(f.PublishedVersion.ID)
}
