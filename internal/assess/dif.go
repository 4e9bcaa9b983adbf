package assess

import (
	"fmt"
	"math"
)

// Differential item functioning (DIF): does an item work differently for
// two groups of respondents who stand alike on what the item measures?
// rolefit asks it of languages (is a translated statement read as the
// source is?) and, through the same function, of any other grouping.
//
// The method is Mantel and Haenszel's (1959) common odds ratio over strata
// of the matching score, as Holland and Thayer (1988) brought it to item
// analysis: in stratum k, A_k and B_k count the reference group's
// respondents who gave the keyed answer and who did not, C_k and D_k the
// focal group's, T_k all of them. Then
//
//	α_MH = Σ A_k·D_k/T_k ÷ Σ B_k·C_k/T_k      (1: no DIF; > 1: the item favours the reference group)
//	Δ_MH = −2.35·ln α_MH                        (ETS's delta scale; negative favours the reference group)
//	χ²_MH = (|Σ A_k − Σ E(A_k)| − ½)² ÷ Σ Var(A_k), E(A_k) = n_Rk·m_1k/T_k,
//	        Var(A_k) = n_Rk·n_Fk·m_1k·m_0k / (T_k²·(T_k − 1))
//
// with Yates's half point capped at |Σ A_k − Σ E(A_k)| as R's
// mantelhaen.test does, and the standard error of ln α_MH of Robins,
// Breslow and Greenland (1986), which R's confidence interval uses too.
// ETS's classes (Zieky, 1993; Zwick, 2012, ETS RR-12-08): A when |Δ| < 1
// or χ²_MH is not significant at .05; C when |Δ| ≥ 1.5 and |Δ| is
// significantly greater than 1 at .05 (one-sided: (|Δ| − 1)/SE(Δ) > 1.645);
// B otherwise.

// DIFClass is an ETS DIF class: A negligible, B moderate, C large.
type DIFClass string

// The ETS DIF classes.
const (
	DIFNegligible DIFClass = "A"
	DIFModerate   DIFClass = "B"
	DIFLarge      DIFClass = "C"
)

// DIFCase is one respondent's standing on one studied item: their group,
// their matching score's stratum and whether they gave the keyed answer.
type DIFCase struct {
	Group   string
	Stratum int
	Keyed   bool
}

// DIF is the Mantel–Haenszel analysis of one item between a reference and
// a focal group.
type DIF struct {
	Reference, Focal string `json:"-"`
	// NReference and NFocal count the cases of each group in strata that
	// hold both groups and at least two respondents, the ones the
	// statistics rest on.
	NReference int `json:"n_reference"`
	NFocal     int `json:"n_focal"`
	// Alpha is α_MH, Delta Δ_MH and SE the standard error of Δ_MH.
	Alpha float64 `json:"alpha"`
	Delta float64 `json:"delta"`
	SE    float64 `json:"se"`
	// ChiSquare is χ²_MH with the continuity correction; P its p-value
	// on one degree of freedom.
	ChiSquare float64 `json:"chi_square"`
	P         float64 `json:"p"`
	// Class is the ETS class.
	Class DIFClass `json:"class"`
	// Undefined says why there are no figures (Class is then ""), such
	// as a group that always or never gave the keyed answer.
	Undefined string `json:"undefined,omitempty"`
}

// Critical values of the tests behind the ETS classes: two-sided .05 for
// χ²_MH on one degree of freedom (1.96²), one-sided .05 for |Δ| > 1.
const (
	difChiSquare05 = 3.841458820694124
	difZ05OneSided = 1.6448536269514722
)

// MantelHaenszel computes the DIF of one item between the reference and
// focal groups from cases; cases of other groups are left out.
func MantelHaenszel(cases []DIFCase, reference, focal string) DIF {
	type table struct{ a, b, c, d float64 }
	strata := map[int]*table{}
	for _, cs := range cases {
		if cs.Group != reference && cs.Group != focal {
			continue
		}
		t := strata[cs.Stratum]
		if t == nil {
			t = &table{}
			strata[cs.Stratum] = t
		}
		switch {
		case cs.Group == reference && cs.Keyed:
			t.a++
		case cs.Group == reference:
			t.b++
		case cs.Keyed:
			t.c++
		default:
			t.d++
		}
	}
	out := DIF{Reference: reference, Focal: focal}
	var sumA, sumE, sumV, sumR, sumS, sumPR, sumPSQR, sumQS float64
	for _, t := range strata {
		nR, nF := t.a+t.b, t.c+t.d
		T := nR + nF
		if nR == 0 || nF == 0 || T < 2 {
			continue // a stratum with one group says nothing about the difference
		}
		out.NReference += int(nR)
		out.NFocal += int(nF)
		m1, m0 := t.a+t.c, t.b+t.d
		sumA += t.a
		sumE += nR * m1 / T
		sumV += nR * nF * m1 * m0 / (T * T * (T - 1))
		r, s := t.a*t.d/T, t.b*t.c/T
		p, q := (t.a+t.d)/T, (t.b+t.c)/T
		sumR += r
		sumS += s
		sumPR += p * r
		sumPSQR += p*s + q*r
		sumQS += q * s
	}
	if sumR == 0 || sumS == 0 || sumV == 0 {
		out.Undefined = fmt.Sprintf("no common odds ratio: over the %d and %d respondents compared, the answers do not vary within both groups", out.NReference, out.NFocal)
		return out
	}
	out.Alpha = sumR / sumS
	out.Delta = -2.35 * math.Log(out.Alpha)
	varLog := sumPR/(2*sumR*sumR) + sumPSQR/(2*sumR*sumS) + sumQS/(2*sumS*sumS)
	out.SE = 2.35 * math.Sqrt(varLog)
	dev := math.Abs(sumA - sumE)
	out.ChiSquare = (dev - min(0.5, dev)) * (dev - min(0.5, dev)) / sumV
	out.P = math.Erfc(math.Sqrt(out.ChiSquare / 2)) // upper tail of χ² on 1 df
	out.Class = etsClass(out.Delta, out.SE, out.ChiSquare)
	return out
}

// etsClass is the ETS class of an item with Δ_MH delta, its standard error
// se and its χ²_MH.
func etsClass(delta, se, chi2 float64) DIFClass {
	abs := math.Abs(delta)
	switch {
	case abs < 1 || chi2 < difChiSquare05:
		return DIFNegligible
	case abs >= 1.5 && se > 0 && (abs-1)/se > difZ05OneSided:
		return DIFLarge
	}
	return DIFModerate
}
