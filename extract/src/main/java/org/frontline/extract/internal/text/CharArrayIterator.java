package org.frontline.extract.internal.text;

import java.text.CharacterIterator;

/**
 * A {@link CharacterIterator} over a range of a char array, behaving as {@link java.text.StringCharacterIterator}
 * does over the same characters. ICU's break iterators read the text one character at a time through this
 * interface, and a String-backed iterator checks the String's encoding and bounds on every read; this one reads
 * the copy of the text the segmenter makes anyway. The array is never written while it is read.
 */
final class CharArrayIterator implements CharacterIterator {

    private final char[] chars;
    private final int begin;
    private final int end;
    private int position;

    /** Iterates {@code chars[begin, end)}, starting at {@code position}. */
    CharArrayIterator(char[] chars, int begin, int end, int position) {
        if (begin < 0 || begin > end || end > chars.length || position < begin || position > end) {
            throw new IllegalArgumentException("invalid range or position");
        }
        this.chars = chars;
        this.begin = begin;
        this.end = end;
        this.position = position;
    }

    @Override
    public char first() {
        position = begin;
        return current();
    }

    @Override
    public char last() {
        position = end > begin ? end - 1 : end;
        return current();
    }

    @Override
    public char current() {
        return position >= begin && position < end ? chars[position] : DONE;
    }

    @Override
    public char next() {
        if (position < end - 1) {
            return chars[++position];
        }
        position = end;
        return DONE;
    }

    @Override
    public char previous() {
        return position > begin ? chars[--position] : DONE;
    }

    @Override
    public char setIndex(int index) {
        if (index < begin || index > end) {
            throw new IllegalArgumentException("invalid index " + index);
        }
        position = index;
        return current();
    }

    @Override
    public int getBeginIndex() {
        return begin;
    }

    @Override
    public int getEndIndex() {
        return end;
    }

    @Override
    public int getIndex() {
        return position;
    }

    @Override
    public CharArrayIterator clone() {
        return new CharArrayIterator(chars, begin, end, position);
    }
}
