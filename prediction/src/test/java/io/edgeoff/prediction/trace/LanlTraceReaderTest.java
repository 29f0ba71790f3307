package io.edgeoff.prediction.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LanlTraceReaderTest {
    private static final String HEADER = "System,machine type,nodes,procstot,procsinnode,nodenum,nodenumz,node install,"
            + "node prod,node decom,fru type,mem,cputype,memtype,num intercon,purpose,Prob Started,Prob Fixed,Down Time,"
            + "Facilities,Hardware,Human Error,Network,Undetermined,Software,Same Event";

    private static String row(int system, int node, String started, String fixed, String downMinutes) {
        return system + ",cluster,49,6152,80," + node + "," + node + ",5-Apr,5-Jun,current,part,80,1,1,0,compute,"
                + started + "," + fixed + "," + downMinutes + ",,,,,,Other Software,No";
    }

    private static FailureTrace read(String text) {
        return new LanlTraceReader().read(new StringReader(text), "test.csv");
    }

    @Test
    void readsCrlfRowsWithEmptyBlameColumns() {
        String text = HEADER + "\r\n" + row(2, 0, "6/21/2005 10:54", "6/21/2005 11:00", "6") + "\r\n"
                + "2,cluster,49,6152,80,0,0,5-Apr,5-Jun,current,part,80,1,1,0,graphics.fe,9/6/2005 9:13,9/6/2005 9:19,6,,,,,,,No\r\n";

        FailureTrace trace = read(text);

        assertThat(trace.outages()).containsExactly(
                new Outage(new NodeId(2, 0), Instant.parse("2005-06-21T10:54:00Z"), Duration.ofMinutes(6)),
                new Outage(new NodeId(2, 0), Instant.parse("2005-09-06T09:13:00Z"), Duration.ofMinutes(6)));
        assertThat(trace.report().rowsSkipped()).isZero();
    }

    @Test
    void takesTheOutageLengthFromDownTimeNotFromTheTimestampsAcrossADaylightSavingChange() {
        // LANL row of system 2 node 3: wall-clock difference 2:19 = 139 min, Down Time 199 min (DST ended that night)
        FailureTrace trace = read(HEADER + "\n" + row(2, 3, "10/31/2004 0:16", "10/31/2004 2:35", "199") + "\n");

        assertThat(trace.outages().get(0).length()).isEqualTo(Duration.ofMinutes(199));
    }

    @Test
    void skipsMalformedRowsWithTheirLineNumbersAndKeepsReading() {
        String text = HEADER + "\n"
                + row(2, 0, "6/21/2005 10:54", "6/21/2005 11:00", "6") + "\n"
                + row(2, 0, "13/45/2005 10:54", "x", "6") + "\n"
                + row(2, 1, "6/21/2005 10:54", "6/21/2005 11:00", "six") + "\n"
                + "17,,,,,,,,,,,,,,,,1/8/1997 8:40,1/8/1997 8:50,10,,Other,,,,,No\n"
                + "\n"
                + "2,\"unclosed,49\n"
                + row(2, 2, "6/22/2005 10:54", "6/22/2005 11:00", "-5") + "\n"
                + row(2, 3, "6/23/2005 10:54", "6/23/2005 11:00", "6") + "\n";

        FailureTrace trace = read(text);

        assertThat(trace.size()).isEqualTo(2);
        assertThat(trace.report().skipped()).extracting(SkippedRow::line).containsExactly(3L, 4L, 5L, 7L, 8L);
        assertThat(trace.report().skipped().get(0).reason()).contains("Prob Started").contains("13/45/2005 10:54");
        assertThat(trace.report().skipped().get(1).reason()).contains("Down Time").contains("six");
        assertThat(trace.report().skipped().get(2).reason()).startsWith("missing nodenum");
        assertThat(trace.report().skippedByKind()).containsEntry("bad Down Time", 2L).containsEntry("missing nodenum", 1L);
        assertThat(trace.report().summary()).contains("2 rows read, 5 skipped");
    }

    @Test
    void findsColumnsByHeaderNameWhateverTheirOrderAndHandlesQuotedFields() {
        String text = "Down Time,nodenum,\"Prob Started\",System,purpose\n"
                + "30,7,1/2/2003 23:50,20,\"compute, fe\"\n";

        FailureTrace trace = read(text);

        assertThat(trace.outages()).containsExactly(
                new Outage(new NodeId(20, 7), Instant.parse("2003-01-02T23:50:00Z"), Duration.ofMinutes(30)));
    }

    @Test
    void rejectsAHeaderWithoutTheRequiredColumnsNamingTheFileAndColumn() {
        assertThatThrownBy(() -> read("System,nodenum,Prob Started\n2,0,6/21/2005 10:54\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.csv").hasMessageContaining("'Down Time'");
        assertThatThrownBy(() -> read(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }
}
