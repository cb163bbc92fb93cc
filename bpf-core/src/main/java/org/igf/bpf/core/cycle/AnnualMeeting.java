package org.igf.bpf.core.cycle;

import java.time.LocalDate;

/** The annual IGF meeting that closes a cycle: host country, city and dates (2015: Brazil, João Pessoa, 10-13 November). */
public record AnnualMeeting(String hostCountry, String city, LocalDate startsOn, LocalDate endsOn) {
}
