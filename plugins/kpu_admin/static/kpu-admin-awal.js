/* Loaded before Decap: it must not start on its own, kpu-admin.js starts it once the kit's
 * format, locale, preview and checks are registered. */
window.CMS_MANUAL_INIT = true;
