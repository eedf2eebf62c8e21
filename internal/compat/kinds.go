package compat

// Kind says which part of the provider an entry describes.
type Kind string

// The three kinds of schema a provider has.
const (
	ProviderConfig Kind = "provider"
	Resource       Kind = "resource"
	DataSource     Kind = "data source"
)

// ProviderName is the provider's type name, the key of its own configuration schema.
const ProviderName = "genesyscloud"
