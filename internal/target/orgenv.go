package target

import (
	"fmt"
	"net/url"
	"os"
	"strings"
)

// OrgEnv returns the provider's environment variables for a local org at baseURL (the
// gateway) with one OAuth client.
func OrgEnv(baseURL, clientID, clientSecret string) (map[string]string, error) {
	u, err := url.Parse(baseURL)
	if err != nil || u.Hostname() == "" {
		return nil, fmt.Errorf("local org URL %q is not a URL", baseURL)
	}
	env := map[string]string{
		"GENESYSCLOUD_OAUTHCLIENT_ID":     clientID,
		"GENESYSCLOUD_OAUTHCLIENT_SECRET": clientSecret,
		"GENESYSCLOUD_GATEWAY_HOST":       u.Hostname(),
		"GENESYSCLOUD_GATEWAY_PROTOCOL":   u.Scheme,
	}
	if p := u.Port(); p != "" {
		env["GENESYSCLOUD_GATEWAY_PORT"] = p
	}
	return env, nil
}

// RegionEnv returns the provider's environment variables for a real org in region, with
// credentials read from the variables cx.hcl names (never stored in cx.hcl).
func RegionEnv(region, clientIDVar, clientSecretVar string) (map[string]string, error) {
	if clientIDVar == "" || clientSecretVar == "" {
		return nil, fmt.Errorf("region %s: cx.hcl must name credentials_env { client_id, client_secret } for it", region)
	}
	id, secret := os.Getenv(clientIDVar), os.Getenv(clientSecretVar)
	var missing []string
	if id == "" {
		missing = append(missing, clientIDVar)
	}
	if secret == "" {
		missing = append(missing, clientSecretVar)
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("region %s: set %s to the org's OAuth client credentials", region, strings.Join(missing, " and "))
	}
	return map[string]string{
		"GENESYSCLOUD_OAUTHCLIENT_ID":     id,
		"GENESYSCLOUD_OAUTHCLIENT_SECRET": secret,
		"GENESYSCLOUD_REGION":             region,
		// A gateway left in the caller's environment would send a real org's deploy elsewhere.
		"GENESYSCLOUD_GATEWAY_HOST":     "",
		"GENESYSCLOUD_GATEWAY_PORT":     "",
		"GENESYSCLOUD_GATEWAY_PROTOCOL": "",
	}, nil
}
