package store

import (
	"context"
	"fmt"
	"rolefit"
)

// PeopleByID returns the organisation's people among ids, keyed by ID;
// IDs of no one (or of another organisation) are left out. It reads in
// batches, so ids may be long.
func (o *Scope) PeopleByID(ctx context.Context, ids []string) (map[string]rolefit.Person, error) {
	out := make(map[string]rolefit.Person, len(ids))
	const batch = 500
	for start := 0; start < len(ids); start += batch {
		var ps []rolefit.Person
		part := ids[start:min(start+batch, len(ids))]
		if err := o.scope(o.s.reader(ctx)).Where("id IN ?", part).Find(&ps).Error; err != nil {
			return nil, fmt.Errorf("read people: %w", err)
		}
		for _, p := range ps {
			out[p.ID] = p
		}
	}
	return out, nil
}
