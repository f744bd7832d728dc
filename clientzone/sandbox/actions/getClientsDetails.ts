import { SandboxApiError } from '../apiError.js';
import { money } from '../money.js';
import { intParam, stringParam } from '../requestParams.js';
import type { ClientRecord, SandboxState } from '../sandboxState.js';
import type { ActionHandler, ApiResponse } from './actionTypes.js';

function clientDetails(state: SandboxState, client: ClientRecord): ApiResponse {
  return {
    userid: client.id,
    client_id: client.id,
    id: client.id,
    uuid: `00000000-0000-4000-8000-${String(client.id).padStart(12, '0')}`,
    firstname: client.firstname,
    lastname: client.lastname,
    fullname: `${client.firstname} ${client.lastname}`,
    companyname: client.companyname,
    email: client.email,
    address1: 'Jl. Contoh No. 1',
    address2: '',
    city: client.city,
    fullstate: '',
    state: '',
    postcode: '',
    countrycode: 'ID',
    country: 'ID',
    countryname: 'Indonesia',
    phonecc: 62,
    phonenumber: client.phonenumber,
    status: 'Active',
    credit: money(client.credit),
    currency: state.currency.id,
    currency_code: state.currency.code,
    defaultgateway: '',
    groupid: 0,
    language: client.language,
    notes: '',
    taxexempt: false,
    email_verified: true,
    datecreated: client.datecreated,
    lastlogin: 'No Login Logged',
  };
}

/** GetClientsDetails: the details twice, flat and under `client`, as WHMCS answers JSON. */
export const getClientsDetails: ActionHandler = ({ store, params }) => {
  const clientId = intParam(params, 'clientid');
  const email = stringParam(params, 'email').toLowerCase();
  if (!clientId && !email) throw new SandboxApiError('Either clientid Or email Is Required');
  const state = store.state;
  const client = state.clients.find((candidate) =>
    clientId ? candidate.id === clientId : candidate.email.toLowerCase() === email,
  );
  if (!client) throw new SandboxApiError('Client Not Found');
  const details = clientDetails(state, client);
  const users = {
    user: [{ id: client.id, name: details.fullname, email: client.email, is_owner: true }],
  };
  return { ...details, client: { ...details, users }, users };
};
