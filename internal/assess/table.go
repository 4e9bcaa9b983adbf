package assess

import "math"

// AnswersTable lays out responses' answers (item ID → answer, as stored)
// as a ResponseTable over q's scored items in page order, NaN where an
// item was not answered, for QuestionnaireReliability. Answers to items
// that are not scored items of q are left out.
func AnswersTable(q *Questionnaire, answers []map[string]int) *ResponseTable {
	t := &ResponseTable{}
	for _, it := range q.Items() {
		if it.Kind == KindScored {
			t.Items = append(t.Items, it.ID)
		}
	}
	flat := make([]float64, len(answers)*len(t.Items))
	t.Answers = make([][]float64, len(answers))
	for r, a := range answers {
		row := flat[r*len(t.Items) : (r+1)*len(t.Items) : (r+1)*len(t.Items)]
		for j, id := range t.Items {
			row[j] = math.NaN()
			if v, ok := a[id]; ok {
				row[j] = float64(v)
			}
		}
		t.Answers[r] = row
	}
	return t
}
