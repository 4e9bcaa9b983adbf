package placement

import (
	"math"
	"testing"
)

// TestRowsAreEachPersonsRow checks that the rows computed by several
// goroutines are, bit for bit, each person's row computed alone, and
// where they may not take a role (NaN) too.
func TestRowsAreEachPersonsRow(t *testing.T) {
	team := bigTeam()
	team.People = team.People[:3*rowsAtOnce+7]
	for i := 0; i < len(team.People); i += 7 {
		// No standing and no observed rate: no basis for a value anywhere.
		team.People[i].Scales, team.People[i].NewBusinessRate, team.People[i].ServiceRate = nil, nil, nil
	}
	rows := team.rows()
	nan := 0
	for i, p := range team.People {
		want := team.row(p)
		for j := range want {
			if math.Float64bits(rows[i][j]) != math.Float64bits(want[j]) && !(math.IsNaN(rows[i][j]) && math.IsNaN(want[j])) {
				t.Fatalf("person %d, role %d: %v, alone %v", i, j, rows[i][j], want[j])
			}
			if math.IsNaN(want[j]) {
				nan++
			}
		}
		if len(rows[i]) != len(want) || cap(rows[i]) != len(want) {
			t.Fatalf("person %d: row of %d (room for %d), want %d", i, len(rows[i]), cap(rows[i]), len(want))
		}
	}
	if nan == 0 {
		t.Error("no cell is ruled out: the check of NaN cells checked nothing")
	}
}

// TestPackedKeysKeepTheOrderOfCosts checks that the heaps' packed keys
// order moves as cost.less does and give the cost back, at the largest
// moves the values allow.
func TestPackedKeysKeepTheOrderOfCosts(t *testing.T) {
	most := 2 * toCents(MaxValue)
	var costs []cost
	for _, rank := range []int64{-1, 0, 1} {
		for _, cents := range []int64{-most, -most + 1, -1, 0, 1, most - 1, most} {
			costs = append(costs, cost{rank: rank, cents: cents})
		}
	}
	for _, a := range costs {
		if got := unpackKey(packKey(a)); got != a {
			t.Errorf("unpackKey(packKey(%v)) = %v", a, got)
		}
		for _, b := range costs {
			if (packKey(a) < packKey(b)) != a.less(b) {
				t.Errorf("packed %v < %v is %v, cost.less says %v", a, b, packKey(a) < packKey(b), a.less(b))
			}
		}
	}
}

// scanEdges answers bestFrom by looking at every person of the node, as
// denseEdges does, but is not denseEdges, so flow.route takes the path it
// takes with heapEdges: the heaps' answers checked against a plain scan.
type scanEdges struct{ *denseEdges }

// TestHeapsAnswerAsAScan routes people over few roles once with the heaps
// and once with a scan of every person at each step, and checks that both
// end with everyone in the same node and the same potentials: every
// cheapest move the heaps gave, with its tie-break, was the scan's.
func TestHeapsAnswerAsAScan(t *testing.T) {
	for seed := range uint64(3) {
		p := fewRolesMatrix(seed)
		p.Values, p.Priority = p.Values[:1500], p.Priority[:1500]
		for j := range p.Seats {
			p.Seats[j] = Seats{Min: p.Seats[j].Min / 10, Max: p.Seats[j].Max / 10}
		}
		heap := newFlow(&p, false)
		scan := newFlow(&p, false)
		scan.edges = scanEdges{newDenseEdges(scan)}
		for i := range p.Values {
			if err := heap.route(i); err != nil {
				t.Fatal(err)
			}
			if err := scan.route(i); err != nil {
				t.Fatal(err)
			}
		}
		for k := range heap.at {
			if heap.at[k] != scan.at[k] {
				t.Fatalf("seed %d: person %d in node %d with heaps, %d with a scan", seed, k, heap.at[k], scan.at[k])
			}
		}
		for v := range heap.pi {
			if heap.pi[v] != scan.pi[v] {
				t.Fatalf("seed %d: node %d's potential %v with heaps, %v with a scan", seed, v, heap.pi[v], scan.pi[v])
			}
		}
	}
}
