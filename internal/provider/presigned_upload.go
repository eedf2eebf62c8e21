package provider

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// putPresigned PUTs content to a presigned URL (a flow's publish job, a function data
// action's package) with exactly the headers the API asked for, through files: a plain
// client, since presigned URLs carry no token. Only 200 is success (as for the official
// provider); transport errors, 429 and 5xx are retried until timeout.
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
