package main

import (
	"os"
	"testing"
)

var sdkLogVars = []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_GENESYSCLOUD"}

func TestQuietUnlessLogged(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want map[string]string
	}{
		{"tofu discards provider logs: SDK loggers off", map[string]string{},
			map[string]string{"TF_LOG_SDK": "OFF", "TF_LOG_SDK_PROTO": "OFF", "TF_LOG_SDK_FRAMEWORK": "OFF", "TF_LOG_PROVIDER_GENESYSCLOUD": "OFF"}},
		{"TF_LOG keeps them: nothing changes", map[string]string{"TF_LOG": "DEBUG"},
			map[string]string{"TF_LOG_SDK": "", "TF_LOG_SDK_PROTO": "", "TF_LOG_SDK_FRAMEWORK": "", "TF_LOG_PROVIDER_GENESYSCLOUD": ""}},
		{"TF_LOG_PROVIDER keeps them: nothing changes", map[string]string{"TF_LOG_PROVIDER": "TRACE"},
			map[string]string{"TF_LOG_SDK": "", "TF_LOG_SDK_PROTO": "", "TF_LOG_SDK_FRAMEWORK": "", "TF_LOG_PROVIDER_GENESYSCLOUD": ""}},
		{"a level the user set is kept", map[string]string{"TF_LOG_SDK_PROTO": "TRACE"},
			map[string]string{"TF_LOG_SDK": "OFF", "TF_LOG_SDK_PROTO": "TRACE", "TF_LOG_SDK_FRAMEWORK": "OFF", "TF_LOG_PROVIDER_GENESYSCLOUD": "OFF"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, name := range append([]string{"TF_LOG", "TF_LOG_PROVIDER"}, sdkLogVars...) {
				t.Setenv(name, tt.env[name]) // registers the restore at the end of the test
				if _, set := tt.env[name]; !set {
					os.Unsetenv(name)
				}
			}
			quietUnlessLogged()
			for name, want := range tt.want {
				if got := os.Getenv(name); got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
		})
	}
}
