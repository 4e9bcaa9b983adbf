package store

import (
	"context"
	"sync"
	"time"
)

// flushLoop is the writer behind a queue that is kept in memory and
// written in batches (queued audit entries, page-shown times): it calls
// flush every interval and whenever kick fires (a nil kick never does),
// once more when stop is closed, and then closes done. what names the
// queued data in log lines.
func (s *Store) flushLoop(what string, every time.Duration, kick, stop <-chan struct{}, done chan<- struct{}, flush func(context.Context) error) {
	defer close(done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			if err := flush(context.Background()); err != nil {
				s.log.Error("write "+what+" at shutdown", "err", err)
			}
			return
		case <-t.C:
		case <-kick:
		}
		if err := flush(context.Background()); err != nil {
			s.log.Error("write "+what, "err", err)
		}
	}
}

// stopFlushLoop marks a queue stopped under its mutex, so nothing more is
// queued, then stops its flushLoop and waits until the last flush is
// written. A second call does nothing.
func stopFlushLoop(mu *sync.Mutex, stopped *bool, stop chan struct{}, done <-chan struct{}) {
	mu.Lock()
	if *stopped {
		mu.Unlock()
		return
	}
	*stopped = true
	mu.Unlock()
	close(stop)
	<-done
}
