# A cx test file: its presence is what the hygiene check looks for.
