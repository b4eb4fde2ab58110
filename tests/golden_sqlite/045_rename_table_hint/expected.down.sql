-- shale:down of 0001_after

ALTER TABLE "members" RENAME TO "users";
