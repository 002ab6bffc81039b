package icsim.output;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTest {

    @Test
    void numberRule() {
        assertEquals("3", Csv.num(3.0));
        assertEquals("-2", Csv.num(-2.0));
        assertEquals("0", Csv.num(-0.0));
        assertEquals("0.1", Csv.num(0.1));
        assertEquals("1.96324", Csv.num(1.9632436));
        assertEquals("1.03676", Csv.num(3 - 1.9632436));
        assertEquals("0.000123457", Csv.num(0.0001234567));
        assertEquals("123457", Csv.num(123456.7));
        assertEquals("1234568", Csv.num(1234567.8)); // integer digits are never rounded away
        assertEquals("100", Csv.num(100.0));
        assertEquals("1E-12", Csv.num(1e-12));
        assertEquals("", Csv.num(Double.NaN));
        assertEquals("", Csv.num(Double.POSITIVE_INFINITY));
    }

    @Test
    void fixedDecimals() {
        assertEquals("1.2346", Csv.fixed(1.23456, 4));
        assertEquals("80.0", Csv.fixed(80, 1));
        assertEquals("", Csv.fixed(Double.NaN, 1));
    }

    @Test
    void quoting() {
        assertEquals("plain", Csv.field("plain"));
        assertEquals("\"a,b\"", Csv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.field("two\nlines"));
        assertEquals("", Csv.field(null));
    }
}
