package kinds

// grammarLanguageKind is one language of a grammar: a child of the grammar keyed by its
// language code, which the client chooses and the path holds. Its voice and DTMF grammar
// files are uploaded to presigned URLs the API hands out per language and mode; the local org
// serves those uploads (architect/grammar_files.go), but the provider does not upload files
// yet.
func grammarLanguageKind() *Kind {
	fileNotYet := func(attr, mode string) Unmapped {
		return Unmapped{Attr: attr, Type: "block list, max 1",
			Why: "the " + mode + " file is uploaded to a presigned URL from a local file, which the provider does not do yet"}
	}
	return &Kind{
		Name: GrammarLanguage, Resource: "genesyscloud_architect_grammar_language", Noun: "grammar language", Names: NoName,
		// The API lists a grammar's languages only inside the grammar (Grammar.languages).
		API: API{Collection: "/api/v2/architect/grammars/" + ParentID + "/languages", Parent: Grammar, NoList: true,
			InParent: "languages", Update: "PATCH", ChosenID: "language"},
		Model: "GrammarLanguage", UpdateModel: "GrammarLanguageUpdate",
		Audit: Audit{"Architect", "GrammarLanguage"}, Permission: "architect:grammar",
		// A language is part of its grammar: changing one is editing the grammar.
		Actions: map[string]string{"GET": "view", "POST": "edit", "PATCH": "edit", "DELETE": "edit"},
		IDKey:   "language", DependsOn: []string{Grammar}, Unmanaged: true,
		Fields: []Field{
			{Attr: "grammar_id", JSON: "grammarId", Type: String, Mode: Required, Ref: Grammar, ForceNew: true,
				Description: "The id of the grammar the language belongs to. Changing it replaces the language."},
			{Attr: "language", JSON: "language", Type: String, Mode: Required, ForceNew: true,
				Description: "The language code of the grammar language, e.g. en-us. Changing it replaces the language."},
		},
		NotYet: []Unmapped{fileNotYet("dtmf_file_data", "DTMF"), fileNotYet("voice_file_data", "voice")},
	}
}
