/** Implementation details of the database module (error translation). */
package io.edgeoff.database.internal;
