-- shale:down of 0001_after

ALTER VIEW "public"."signed_in" RENAME TO "active_users";
