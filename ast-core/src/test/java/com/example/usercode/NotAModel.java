package com.example.usercode;

/** A class of the project that is neither a network nor a data set. */
public class NotAModel {
}
