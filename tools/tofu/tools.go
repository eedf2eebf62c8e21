//go:build tools

// Package tofu pins the OpenTofu version the project builds and tests with.
package tofu

import _ "github.com/opentofu/opentofu/cmd/tofu"
