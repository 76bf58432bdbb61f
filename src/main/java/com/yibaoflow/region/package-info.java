/** Pooling regions (统筹地区) and their hierarchy, county to province, with their fiscal tier. */
package com.yibaoflow.region;
