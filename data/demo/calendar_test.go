package demo

import (
	"testing"
	"time"
)

func TestCalendar(t *testing.T) {
	if got := easter(2025); !got.Equal(date(2025, 4, 20)) {
		t.Errorf("easter(2025) = %v", got)
	}
	if got := easter(2019); !got.Equal(date(2019, 4, 21)) {
		t.Errorf("easter(2019) = %v", got)
	}
	tests := []struct {
		d      day
		school bool
		hol    string
	}{
		{date(2025, 3, 3), false, "hiver"},      // Monday in the winter holidays
		{date(2025, 3, 10), true, ""},           // classes resume
		{date(2025, 3, 12), false, ""},          // Wednesday
		{date(2025, 5, 29), false, ""},          // Ascension
		{date(2025, 5, 30), false, ""},          // its bridge
		{date(2025, 7, 14), false, "ete"},       // national day, in summer
		{date(2025, 9, 1), true, ""},            // rentrée
		{date(2025, 12, 22), false, "noel"},     // Christmas holidays
		{date(2024, 11, 11), false, ""},         // Armistice
		{date(2023, 6, 13), true, ""},           // an ordinary Tuesday
		{date(2023, 4, 10), false, ""},          // Easter Monday
		{date(2023, 4, 17), false, "printemps"}, // spring holidays
	}
	for _, tt := range tests {
		if got := schoolDay(tt.d); got != tt.school {
			t.Errorf("schoolDay(%s) = %v", tt.d.Format(time.DateOnly), got)
		}
		if got := holiday(tt.d); got != tt.hol {
			t.Errorf("holiday(%s) = %q, want %q", tt.d.Format(time.DateOnly), got, tt.hol)
		}
	}
	if !publicHoliday(date(2024, 5, 20)) { // Whit Monday 2024
		t.Error("Whit Monday 2024 is not a public holiday")
	}
}
