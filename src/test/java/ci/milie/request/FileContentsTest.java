package ci.milie.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FileContentsTest {

    @Test
    void markupIsFoundInAnyCaseWhereverItStands() {
        assertEquals(3, markupAt("abc<html>"));
        assertEquals(0, markupAt("<SCRIPT src=x>"));
        assertEquals(2, markupAt("\u0000\u0001<?php\nsystem('id');"));
        assertEquals(1, markupAt("x<!DOCTYPE html>"));
        assertEquals(0, markupAt("<svg/onload=alert(1)>"));
    }

    @Test
    void aMarkerMustEndLikeATagSoThatCompressedBytesRarelyMatch() {
        assertEquals(-1, markupAt("<htmlx"));
        assertEquals(-1, markupAt("<scriptorium"));
        assertEquals(-1, markupAt("<html"));
        assertEquals(-1, markupAt("plain text < 3"));
    }

    private static int markupAt(String text) {
        return FileContents.markupAt(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
