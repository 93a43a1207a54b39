/** The From and To date inputs of a GET form (results page, map): empty means no bound. */
export function DateRangeFields(props: { from?: string | undefined; to?: string | undefined }) {
  return (
    <>
      <label>
        From <input type="date" name="from" value={props.from ?? ''} />
      </label>
      <label>
        To <input type="date" name="to" value={props.to ?? ''} />
      </label>
    </>
  )
}
