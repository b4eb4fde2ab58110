-- hazard: BACKWARD_INCOMPATIBLE renames view "active_users" to "signed_in": code using the previous name breaks

ALTER VIEW "public"."active_users" RENAME TO "signed_in";
