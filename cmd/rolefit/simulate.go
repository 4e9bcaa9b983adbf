package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"rolefit/internal/econ"
	"rolefit/internal/errs"
	"rolefit/internal/quantity"
)

const simulateUsage = `Usage: rolefit simulate [flags] [--format table|json]

The seller-capacity model: month by month, what a seller who serves the
accounts they win earns against the same seller selling full time while
dedicated service people, hired as the book needs them, serve the accounts.
It prints both policies (accounts at the start of each month, selling and
service hours, revenue, cost, contribution and its running total), the
difference, the month hiring pulls ahead, and the book the seller settles
at, H/(s + a*c).

Inputs come from the founding case (120 hours a month, 5,000 an hour
selling, 1,000 an hour serving), then from --input FILE.json if given, then
from the flags given, which win. The file holds the inputs under the flags'
names with "_" for "-", such as {"churn": 0.02, "selling_cap": 80}.

Freed selling hours earn the new-business rate only up to --selling-cap:
without a cap the model always favours hiring.

Flags:
`

// simulateFlag is one input of the capacity model as a flag, made from
// its description (econ.InputSpecs): its name is the input's JSON name
// with "-" for "_", its usage the input's symbol, explanation, range and
// default.
type simulateFlag struct {
	name  string
	usage string
	spec  econ.InputSpec
}

func simulateFlags() []simulateFlag {
	var out []simulateFlag
	for _, s := range econ.InputSpecs() {
		arg := strings.TrimSuffix(strings.Fields(s.Unit)[0], ",")
		if arg == "{money}" {
			arg = "amount"
		}
		def := "--" + strings.ReplaceAll(s.Follows, "_", "-")
		if !s.Optional() {
			def = strconv.FormatFloat(s.Default, 'f', -1, 64)
		}
		usage := fmt.Sprintf("%s (`%s`): %s; %s (default %s)", s.Symbol, arg, s.Explanation, s.Range.Span(), def)
		out = append(out, simulateFlag{name: s.Flag(), usage: usage, spec: s})
	}
	return out
}

// runSimulate runs the capacity model (internal/econ/doc.go) and prints it.
func runSimulate(ctx context.Context, args []string, cio commandIO) error {
	flags := newUsageFlags("simulate", simulateUsage, cio)
	input := flags.String("input", "", "JSON `file` of inputs; the flags given override it")
	format := flags.String("format", "table", "output `format`: table or json")
	// Flag values are kept and applied after the file, so that they win
	// whatever their order on the command line.
	var given []func(*econ.Inputs)
	for _, sf := range simulateFlags() {
		flags.Func(sf.name, sf.usage, func(s string) error {
			// Read as the Costs page reads a box (quantity.Parse); the
			// range is econ's to check, with the input's name.
			var v float64
			if sf.spec.Whole() {
				n, err := quantity.ParseWhole(s)
				if err != nil {
					return errors.New("not a whole number")
				}
				v = float64(n)
			} else {
				x, err := quantity.Parse(s)
				if err != nil {
					return errors.New("not a number: write it with digits and a decimal point, such as 1250.5")
				}
				v = x
			}
			given = append(given, func(in *econ.Inputs) { sf.spec.Set(in, v) })
			return nil
		})
	}
	if err := flags.parse(args); err != nil {
		return err
	}
	if *format != "table" && *format != "json" {
		return flags.fail("--format %q: want table or json", *format)
	}

	in := econ.DefaultInputs()
	if *input != "" {
		if err := readSimulateInput(*input, &in); err != nil {
			return err
		}
	}
	for _, set := range given {
		set(&in)
	}
	out, err := econ.Simulate(in)
	if err != nil {
		if fields := errs.FieldsOf(err); fields != nil {
			return simulateInputError(cio.stderr, fields)
		}
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(cio.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	return writeSimulateTable(cio.stdout, in, out)
}

// readSimulateInput decodes a JSON file of inputs over in. Unknown names
// are refused, so a misspelt input is not silently left at its default.
func readSimulateInput(name string, in *econ.Inputs) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(in); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// simulateInputError prints each bad input under its flag and JSON name.
func simulateInputError(w io.Writer, fields map[string]string) error {
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Fprintf(w, "rolefit simulate: --%s (%s): %s\n", strings.ReplaceAll(k, "_", "-"), k, fields[k])
	}
	return exitCode(2)
}

// writeSimulateTable prints the months as aligned columns, then the
// breakeven month, the steady state and the notes.
func writeSimulateTable(w io.Writer, in econ.Inputs, out econ.Outputs) error {
	ew := &statsWriter{w: w}
	ew.printf("%5s | %-53s | %s\n", "", "seller serves own accounts", "dedicated service")
	ew.printf("%5s | %8s %6s %7s %5s %10s %12s | %8s %6s %7s %3s %10s %12s | %12s\n",
		"month", "accounts", "sell h", "serve h", "serve", "contrib.", "cumulative",
		"accounts", "sell h", "serve h", "ppl", "contrib.", "cumulative", "cum. diff.")
	for _, m := range out.Months {
		s, d := m.SellerServes, m.Dedicated
		ew.printf("%5d | %8.1f %6.1f %7.1f %4.0f%% %10.0f %12.0f | %8.1f %6.1f %7.1f %3d %10.0f %12.0f | %12.0f\n",
			m.Month, s.Accounts, s.SellHours, s.ServeHours, 100*s.ServiceShare, s.Contribution, s.Cumulative,
			d.Accounts, d.SellHours, d.ServeHours, d.ServicePeople, d.Contribution, d.Cumulative, m.CumulativeDifference)
	}
	ew.printf("\n")
	if out.BreakevenMonth != nil {
		ew.printf("Dedicated service pulls ahead in month %d.\n", *out.BreakevenMonth)
	} else {
		ew.printf("Dedicated service does not pull ahead within %d months.\n", in.Months)
	}
	if out.SteadyStateAccounts != nil {
		ew.printf("The seller's book settles at %.1f accounts.\n", *out.SteadyStateAccounts)
	}
	for _, n := range out.Notes {
		ew.printf("Note: %s\n", n)
	}
	return ew.err
}
