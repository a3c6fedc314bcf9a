package com.example.shop;

/** Never compiled in this build: ast:train runs without the compile phase. */
public class ProductNet {
}
