/* coap_temp: a CoAP resource that answers GET with the current temperature.
 *
 * Hook: coap on /initech/temp. Needs: sensor temp0 (read).
 * Builds the response the gcoap way: gcoap_resp_init with 2.05 Content, the text/plain
 * Content-Format, coap_opt_finish, then writes the payload at coap_get_pdu. The payload
 * is "21.50 C #3": the reading with its own number of decimals (fmt_s16_dfp) and how many
 * requests this resource has answered (fmt_u32_dec; counted in the local store).
 * Without a sensor the answer is 4.00 with no payload. Returns the payload length, as a
 * gcoap handler returns the PDU length. */
#include "wasmbox.h"

#define KEY_REQUESTS 1

int64_t coap_temp(const struct wbx_context *ctx)
{
    wbx_phydat_t reading;
    uint32_t sensor = wbx_saul_reg_find_type(WBX_SAUL_SENSE_TEMP);
    if (sensor == 0 || wbx_saul_reg_read(sensor, &reading) < 0) {
        wbx_gcoap_resp_init(ctx, WBX_COAP_CODE_BAD_REQUEST);
        return wbx_coap_opt_finish(ctx, 0);
    }

    uint32_t requests = 0;
    wbx_fetch_local(KEY_REQUESTS, &requests);
    wbx_store_local(KEY_REQUESTS, ++requests);

    wbx_gcoap_resp_init(ctx, WBX_COAP_CODE_CONTENT);
    wbx_coap_add_format(ctx, WBX_COAP_FORMAT_TEXT);
    int header = wbx_coap_opt_finish(ctx, WBX_COAP_OPT_FINISH_PAYLOAD);

    char *pdu = (char *)wbx_coap_get_pdu(ctx);
    int n = wbx_fmt_s16_dfp(pdu, reading.val[0], reading.scale);
    pdu[n++] = ' ';
    pdu[n++] = 'C';
    pdu[n++] = ' ';
    pdu[n++] = '#';
    n += wbx_fmt_u32_dec(pdu + n, requests);
    return header + n;
}
