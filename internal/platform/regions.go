package platform

import (
	"fmt"
	"slices"
	"strings"
)

// regionHosts maps the Terraform provider's aws_region names to Genesys Cloud environments
// (the SDKs' region table, plus the internal dca/tca test environments the provider knows).
func regionHosts() map[string]string {
	return map[string]string{
		"us-east-1":      "mypurecloud.com",
		"us-east-2":      "use2.us-gov-pure.cloud",
		"us-west-2":      "usw2.pure.cloud",
		"ca-central-1":   "cac1.pure.cloud",
		"sa-east-1":      "sae1.pure.cloud",
		"mx-central-1":   "mxc1.pure.cloud",
		"eu-west-1":      "mypurecloud.ie",
		"eu-west-2":      "euw2.pure.cloud",
		"eu-central-1":   "mypurecloud.de",
		"eu-central-2":   "euc2.pure.cloud",
		"eusc-de-east-1": "edee1.eusc-pure.cloud",
		"me-central-1":   "mec1.pure.cloud",
		"ap-south-1":     "aps1.pure.cloud",
		"ap-southeast-1": "apse1.pure.cloud",
		"ap-southeast-2": "mypurecloud.com.au",
		"ap-northeast-1": "mypurecloud.jp",
		"ap-northeast-2": "apne2.pure.cloud",
		"ap-northeast-3": "apne3.pure.cloud",
		"dca":            "inindca.com",
		"tca":            "inintca.com",
	}
}

// BaseURLForRegion returns the API base URL of a region, e.g. "us-east-1" →
// "https://api.mypurecloud.com". The SDKs' spelling ("us_east_1") and any case are accepted.
func BaseURLForRegion(region string) (string, error) {
	key := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(region)), "_", "-")
	hosts := regionHosts()
	if host, ok := hosts[key]; ok {
		return "https://api." + host, nil
	}
	known := make([]string, 0, len(hosts))
	for k := range hosts {
		known = append(known, k)
	}
	slices.Sort(known)
	return "", fmt.Errorf("unknown Genesys Cloud region %q; use one of %s", region, strings.Join(known, ", "))
}

// tokenURLFor derives the OAuth token URL from an API base URL the way the Go SDK does:
// "//api." becomes "//login."; a base without it (a local org, a gateway) serves
// /oauth/token on the same host.
func tokenURLFor(baseURL string) string {
	base := strings.TrimRight(baseURL, "/")
	base = strings.Replace(base, "//api.", "//login.", 1)
	return base + "/oauth/token"
}
