package provider

// inChunks calls send with consecutive slices of ids of at most size each, stopping at the
// first error: the API bounds how many ids one member or grant change may carry.
func inChunks(ids []string, size int, send func([]string) error) error {
	for start := 0; start < len(ids); start += size {
		if err := send(ids[start:min(start+size, len(ids))]); err != nil {
			return err
		}
	}
	return nil
}
