package orgserver

import "sync"

// encodeBuffers lends each request one buffer to encode its response into and takes it back
// when the request ends. A page of 100 queues is about 150 KB: allocating (and zeroing)
// that per request was, after the encoding itself, the list handler's largest cost, and
// the garbage it made paced the collector.
type encodeBuffers struct{ pool sync.Pool }

// maxKeptEncodeBuffer bounds the buffers kept for reuse, so that one huge page does not
// stay in memory for every later request.
const maxKeptEncodeBuffer = 1 << 20

// LendBuffer implements apihttp.BufferLender: an empty buffer of at least size bytes,
// owned by the request until its handler returns. A second call in one request gets a
// buffer of its own.
func (w *statusWriter) LendBuffer(size int) []byte {
	if w.buffers == nil || w.lent != nil {
		return make([]byte, 0, size)
	}
	b, _ := w.buffers.pool.Get().(*[]byte)
	if b == nil || cap(*b) < size {
		nb := make([]byte, 0, size)
		b = &nb
	}
	w.lent = b
	return (*b)[:0]
}

// releaseBuffer gives the lent buffer back once the response is written: ResponseWriter
// implementations do not keep the bytes passed to Write.
func (w *statusWriter) releaseBuffer() {
	if w.lent != nil && cap(*w.lent) <= maxKeptEncodeBuffer {
		w.buffers.pool.Put(w.lent)
	}
	w.lent = nil
}
