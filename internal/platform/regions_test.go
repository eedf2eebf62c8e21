package platform

import "testing"

func TestBaseURLForRegion(t *testing.T) {
	t.Parallel()
	tests := []struct {
		region, want string
		wantErr      bool
	}{
		{region: "us-east-1", want: "https://api.mypurecloud.com"},
		{region: "us_east_1", want: "https://api.mypurecloud.com"},
		{region: " EU-West-1 ", want: "https://api.mypurecloud.ie"},
		{region: "eu-central-1", want: "https://api.mypurecloud.de"},
		{region: "ap-southeast-2", want: "https://api.mypurecloud.com.au"},
		{region: "ap-northeast-1", want: "https://api.mypurecloud.jp"},
		{region: "us-east-2", want: "https://api.use2.us-gov-pure.cloud"},
		{region: "eusc-de-east-1", want: "https://api.edee1.eusc-pure.cloud"},
		{region: "mx-central-1", want: "https://api.mxc1.pure.cloud"},
		{region: "dca", want: "https://api.inindca.com"},
		{region: "tca", want: "https://api.inintca.com"},
		{region: "mars-north-1", wantErr: true},
		{region: "", wantErr: true},
	}
	for _, tt := range tests {
		got, err := BaseURLForRegion(tt.region)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("BaseURLForRegion(%q) = %q, %v; want %q, error %v", tt.region, got, err, tt.want, tt.wantErr)
		}
	}
	if len(regionHosts()) != 20 {
		t.Errorf("region table has %d entries, want the contract's 18 regions + dca + tca", len(regionHosts()))
	}
}

func TestTokenURLFor(t *testing.T) {
	t.Parallel()
	tests := []struct{ base, want string }{
		{"https://api.mypurecloud.com", "https://login.mypurecloud.com/oauth/token"},
		{"https://api.mypurecloud.com/", "https://login.mypurecloud.com/oauth/token"},
		{"https://api.usw2.pure.cloud", "https://login.usw2.pure.cloud/oauth/token"},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080/oauth/token"},
		{"http://localhost:8080/", "http://localhost:8080/oauth/token"},
		{"https://gateway.example.com", "https://gateway.example.com/oauth/token"},
		// Only the host's "api." is swapped, never a later "api." in the URL.
		{"https://api.inindca.com/api.v2", "https://login.inindca.com/api.v2/oauth/token"},
	}
	for _, tt := range tests {
		if got := tokenURLFor(tt.base); got != tt.want {
			t.Errorf("tokenURLFor(%q) = %q, want %q", tt.base, got, tt.want)
		}
	}
}

func TestBackoffStaysInBounds(t *testing.T) {
	t.Parallel()
	b := backoffPolicy{base: backoffBase, max: backoffMax}
	for attempt := range 40 {
		d := b.delay(attempt)
		ceiling := min(backoffMax, backoffBase<<min(attempt, 30))
		if d < ceiling/2 || d > ceiling {
			t.Errorf("delay(%d) = %v, want between %v and %v", attempt, d, ceiling/2, ceiling)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]int{"": 0, "1": 1, "42": 42, "9999": 180, "-3": 0, "soon": 0} {
		if got := parseRetryAfter(in); got.Seconds() != float64(want) {
			t.Errorf("parseRetryAfter(%q) = %v, want %ds", in, got, want)
		}
	}
}
