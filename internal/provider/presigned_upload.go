package provider

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Files uploaded to the org (flow YAML, response assets, scripts) go to presigned URLs
// the API hands out, and their resources notice a changed file through its content hash.

// presignedUploadClient sends presigned uploads, which carry no token: a plain client,
// never the API client.
func presignedUploadClient() *http.Client { return &http.Client{Timeout: 2 * time.Minute} }

// putPresigned PUTs content to a presigned URL with exactly the headers the API asked for.
// Only 200 is success (as for the official provider); transport errors, 429 and 5xx are
// retried until timeout.
func putPresigned(ctx context.Context, files *http.Client, timeout time.Duration, target string, headers map[string]string, content []byte) error {
	return poll(ctx, timeout, func(ctx context.Context) (bool, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPut, target, bytes.NewReader(content))
		if err != nil {
			return false, permanent(err)
		}
		for k, v := range headers {
			req.Header.Set(k, v)
		}
		res, err := files.Do(req)
		if err != nil {
			return false, err
		}
		body, _ := io.ReadAll(io.LimitReader(res.Body, 4096))
		res.Body.Close()
		if res.StatusCode == http.StatusOK {
			return true, nil
		}
		err = fmt.Errorf("upload answered %d: %s", res.StatusCode, strings.TrimSpace(string(body)))
		if res.StatusCode >= 500 || res.StatusCode == http.StatusTooManyRequests {
			return false, err
		}
		return false, permanent(err)
	})
}

// fileContentHash is the SHA-256 of a file in hex, as OpenTofu's filesha256() writes it.
func fileContentHash(name string) (string, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return "", fmt.Errorf("read %s: %w", name, err)
	}
	return contentHash(data), nil
}

// contentHash is the hex SHA-256 of content.
func contentHash(content []byte) string {
	sum := sha256.Sum256(content)
	return hex.EncodeToString(sum[:])
}

// hashOfFile plans a file_content_hash left out of the configuration as the hash of the
// file the attribute fileAttr names, so that editing the file shows in the plan (as a
// change of the hash) without the user writing filesha256() themselves. A configured hash
// is taken as it is. A file that cannot be read yet (made by the same apply) leaves the
// value unknown.
type hashOfFile struct{ fileAttr string }

func (m hashOfFile) Description(context.Context) string {
	return "Defaults to the SHA-256 of the file named by " + m.fileAttr + "."
}

func (m hashOfFile) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (m hashOfFile) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if !req.ConfigValue.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var file types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root(m.fileAttr), &file)...)
	if !isSet(file) {
		return
	}
	sum, err := fileContentHash(localPath(ctx, file.ValueString()))
	if err != nil {
		resp.PlanValue = types.StringUnknown()
		return
	}
	resp.PlanValue = types.StringValue(sum)
}
